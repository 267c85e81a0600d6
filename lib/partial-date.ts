/**
 * Dates as precise as their source. A source that says "in December 1999"
 * gives a month, not a day: the inventory stores the LAST day of the period
 * (1999-12-31) with its precision, so that the "as of" rule — which compares
 * ISO days as strings — counts such a date from the end of its period and
 * never from an invented day, and shows it as written ("December 1999").
 */
import { DEFAULT_LOCALE, formatDate, formatMonthYear, type Locale } from "./format";
import type { DatePrecision } from "./vocabulary";

export type { DatePrecision };

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as a source gives it. */
export type PartialDateText = string;

export interface StoredDate {
  /** The last day of the period, `YYYY-MM-DD`. */
  date: string;
  /** null for a day, as the database stores it. */
  precision: Exclude<DatePrecision, "day"> | null;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "1999-12" → { date: "1999-12-31", precision: "month" }; a day is kept as it is; null when the text is not a partial date. */
export function toStoredDate(text: PartialDateText): StoredDate | null {
  const m = PARTIAL.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d !== undefined) return { date: text, precision: null };
  if (mo !== undefined) {
    const month = Number(mo);
    if (month < 1 || month > 12) return null;
    return { date: `${y}-${mo}-${String(lastDayOfMonth(Number(y), month)).padStart(2, "0")}`, precision: "month" };
  }
  return { date: `${y}-12-31`, precision: "year" };
}

/** The stored date and precision back to the text a source gives ("1999-12"), for forms and exports. */
export function toPartialDateText(date: string | null, precision: DatePrecision | null | undefined): PartialDateText | null {
  if (date === null) return null;
  if (precision === "month") return date.slice(0, 7);
  if (precision === "year") return date.slice(0, 4);
  return date;
}

/** How a date reads on a page: "1999-12-13", "December 1999", "1999". */
export function formatPartialDate(date: string | null, precision: DatePrecision | null | undefined, locale: Locale = DEFAULT_LOCALE): string | null {
  if (date === null) return null;
  if (precision === "month") return formatMonthYear(date, locale);
  if (precision === "year") return date.slice(0, 4);
  return formatDate(date, locale);
}

/** The first day of the period a partial date names ("1999-12" → 1999-12-01). */
export function startOfPeriod(text: PartialDateText): string | null {
  if (!toStoredDate(text)) return null;
  return text.length === 4 ? `${text}-01-01` : text.length === 7 ? `${text}-01` : text;
}

/**
 * Whether `a` is certainly before `b`: its period ends before `b`'s begins.
 * "2001-05" is not before "2001-05-23" — the day may be in the month.
 */
export function isCertainlyBefore(a: PartialDateText, b: PartialDateText): boolean {
  const end = toStoredDate(a)?.date;
  const start = startOfPeriod(b);
  return end !== undefined && start !== null && end < start;
}

/**
 * Dates as a source gives them, as the columns that store them: for each
 * field, the last day of its period and, beside it, `<field>Precision`
 * (null for a day). One conversion for every writer: forms, submissions, seed.
 */
export function storedDateColumns<K extends string>(
  values: Partial<Record<K, PartialDateText | null>>,
  fields: readonly K[],
): Record<K, string | null> & Record<`${K}Precision`, "month" | "year" | null> {
  const columns: Record<string, string | null> = {};
  for (const field of fields) {
    // Absent and null are both "no date"; anything else was validated before it got here.
    const text = values[field] ?? null;
    const stored = text === null ? null : toStoredDate(text);
    if (text !== null && !stored) throw new RangeError(`not a date: ${text}`);
    columns[field] = stored?.date ?? null;
    columns[`${field}Precision`] = stored?.precision ?? null;
  }
  return columns as Record<K, string | null> & Record<`${K}Precision`, "month" | "year" | null>;
}
