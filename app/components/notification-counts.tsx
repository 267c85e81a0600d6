import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";
import { DateText } from "./date-text";
import type { NotificationOnDate } from "@/lib/indicators/transposition-deficit";

/**
 * How a notification counts in the Scoreboard on the date, in words: the dashboard's rule stated where the record is,
 * so an undated notification reads the same on the Member State page as in the figures.
 */
export function NotificationCounts({ reading, asOfDate }: { reading: NotificationOnDate; asOfDate: string }) {
  const t = useTranslations("notificationCounts");
  const basis = useTranslations("dateBasis");
  const locale = useLocale();
  const date = () => <DateText value={reading.transposedOn} />;
  switch (reading.state) {
    case "not_recorded":
      return <span className="muted">{t("notRecorded")}</span>;
    case "date_unknown":
      return <span className="muted">{t("dateUnknown")}</span>;
    case "not_transposed":
      return (
        <span className="muted">
          {reading.transposedOn ? t.rich("completeOnlyFrom", { date, asOf: formatDate(asOfDate, locale) }) : t("noCompleteNotification")}
        </span>
      );
    case "transposed":
      if (!reading.transposedOn) return <span className="muted">{t("transposedUndated")}</span>;
      return (
        <span className="muted">
          {reading.isDateInferred && reading.dateBasis ? t.rich("transposedFrom", { date, basis: basis(reading.dateBasis) }) : t("transposed")}
        </span>
      );
  }
}

/** Whether the counting note says more than the record beside it: always without a record, else for an inferred or missing date. */
export function countingNeedsSaying(reading: NotificationOnDate, recordShown: boolean): boolean {
  if (!recordShown) return true;
  return (
    (reading.state === "transposed" && (reading.isDateInferred || !reading.transposedOn)) ||
    (reading.state === "not_transposed" && reading.transposedOn !== null)
  );
}
