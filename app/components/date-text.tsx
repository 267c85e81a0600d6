import { useLocale, useTranslations } from "next-intl";
import { formatPartialDate, toPartialDateText } from "@/lib/partial-date";
import type { DatePrecision } from "@/lib/vocabulary";

/** A date as precise as its source: "1999-12-13", "December 1999" or "1999" (lib/partial-date.ts), in the interface's language. */
export function DateText({ value, precision }: { value: string | null | undefined; precision?: DatePrecision | null }) {
  const locale = useLocale();
  const t = useTranslations("dates");
  if (!value) return <span className="muted">—</span>;
  return (
    <time dateTime={toPartialDateText(value, precision) ?? value} title={precision ? t("onlyKnown", { precision }) : undefined}>
      {formatPartialDate(value, precision, locale)}
    </time>
  );
}
