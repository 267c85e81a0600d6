import { formatPartialDate, toPartialDateText } from "@/lib/partial-date";
import type { DatePrecision } from "@/lib/vocabulary";

/** A date as precise as its source: "1999-12-13", "December 1999" or "1999" (lib/partial-date.ts). */
export function DateText({ value, precision }: { value: string | null | undefined; precision?: DatePrecision | null }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <time dateTime={toPartialDateText(value, precision) ?? value} title={precision ? `Only the ${precision} is known` : undefined}>
      {formatPartialDate(value, precision)}
    </time>
  );
}
