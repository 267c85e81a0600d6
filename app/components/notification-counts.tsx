import { DateText } from "./date-text";
import { TRANSPOSITION_DATE_BASIS_LABELS, type NotificationOnDate } from "@/lib/indicators/transposition-deficit";

/**
 * How a notification counts in the Scoreboard on the date, in words: the dashboard's rule stated where the record is,
 * so an undated notification reads the same on the Member State page as in the figures.
 */
export function NotificationCounts({ reading, asOfDate }: { reading: NotificationOnDate; asOfDate: string }) {
  switch (reading.state) {
    case "not_recorded":
      return <span className="muted">not recorded: left out of the deficit</span>;
    case "date_unknown":
      return <span className="muted">complete, but no date is recorded or can be inferred: not counted before today</span>;
    case "not_transposed":
      return reading.transposedOn ? (
        <span className="muted">
          complete only from <DateText value={reading.transposedOn} />: counts as not transposed on {asOfDate}
        </span>
      ) : (
        <span className="muted">no complete notification: counts as not transposed</span>
      );
    case "transposed":
      if (!reading.transposedOn) return <span className="muted">counts as transposed; its date is unknown, so no delay is computed</span>;
      return reading.isDateInferred && reading.dateBasis ? (
        <span className="muted">
          counts as transposed from <DateText value={reading.transposedOn} /> ({TRANSPOSITION_DATE_BASIS_LABELS[reading.dateBasis]})
        </span>
      ) : (
        <span className="muted">counts as transposed</span>
      );
  }
}

/** Whether the counting note says more than the record beside it: always without a record, else for an inferred or missing date. */
export function countingNeedsSaying(reading: NotificationOnDate, recordShown: boolean): boolean {
  if (!recordShown) return true;
  return (reading.state === "transposed" && (reading.isDateInferred || !reading.transposedOn)) || (reading.state === "not_transposed" && reading.transposedOn !== null);
}
