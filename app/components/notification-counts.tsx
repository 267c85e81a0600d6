import { Fragment, type ReactNode } from "react";
import { DateText } from "./date-text";
import { TRANSPOSITION_DATE_BASIS_LABELS, type NotificationOnDate } from "@/lib/indicators/transposition-deficit";
import { messageParts, type MessageKey } from "@/lib/messages";

/** A message with elements in its placeholders. */
function Message({ id, values = {} }: { id: MessageKey; values?: Record<string, ReactNode> }) {
  return (
    <span className="muted">
      {messageParts(id).map((part, i) => (
        <Fragment key={i}>{typeof part === "string" ? part : (values[part.placeholder] ?? `{${part.placeholder}}`)}</Fragment>
      ))}
    </span>
  );
}

/**
 * How a notification counts in the Scoreboard on the date, in words: the dashboard's rule stated where the record is,
 * so an undated notification reads the same on the Member State page as in the figures.
 */
export function NotificationCounts({ reading, asOfDate }: { reading: NotificationOnDate; asOfDate: string }) {
  switch (reading.state) {
    case "not_recorded":
      return <Message id="notificationCounts.notRecorded" />;
    case "date_unknown":
      return <Message id="notificationCounts.dateUnknown" />;
    case "not_transposed":
      return reading.transposedOn ? (
        <Message id="notificationCounts.completeOnlyFrom" values={{ date: <DateText value={reading.transposedOn} />, asOf: asOfDate }} />
      ) : (
        <Message id="notificationCounts.noCompleteNotification" />
      );
    case "transposed":
      if (!reading.transposedOn) return <Message id="notificationCounts.transposedUndated" />;
      return reading.isDateInferred && reading.dateBasis ? (
        <Message
          id="notificationCounts.transposedFrom"
          values={{ date: <DateText value={reading.transposedOn} />, basis: TRANSPOSITION_DATE_BASIS_LABELS[reading.dateBasis] }}
        />
      ) : (
        <Message id="notificationCounts.transposed" />
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
