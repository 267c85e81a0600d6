/**
 * CSV exports: RFC 4180 (comma, double quotes doubled, CRLF line ends,
 * UTF-8) with spreadsheet formula injection neutralised in one place
 * (SECURITY.md "Input and output").
 *
 * A text cell starting with `=`, `+`, `-`, `@`, tab, CR or LF could be read as
 * a formula by a spreadsheet, so it gets a leading apostrophe (OWASP's
 * recommendation). Numbers are written as numbers — a negative number is not
 * text and is left alone — so the data stays computable.
 */
import { stringify } from "csv-stringify/sync";

export type CsvValue = string | number | boolean | null | undefined;

/** `=`, `+`, `-`, `@`, tab, CR, LF: the first characters a spreadsheet may read as a formula. */
function startsLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 10;
}

/** One cell as it is written: numbers as numbers, empty for null, text neutralised. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return startsLikeFormula(value) ? `'${value}` : value;
}

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * One cell as an RFC 4180 field: `csvCell`, then quoted (quotes doubled) when
 * it holds a quote, comma, CR or LF. The hot path of the streamed exports, so
 * text, the common case, is tested first.
 */
export function csvField(value: CsvValue): string {
  if (typeof value === "string") {
    if (value === "") return "";
    const cell = startsLikeFormula(value) ? `'${value}` : value;
    return NEEDS_QUOTES.test(cell) ? `"${cell.replace(QUOTE, '""')}"` : cell;
  }
  // Numbers, booleans and empty cells never need quotes.
  return csvCell(value);
}

/** A whole CSV document: a header row, then one row per record. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const records = [header.map((h) => csvCell(h)), ...rows.map((row) => row.map((v) => csvCell(v)))];
  return stringify(records, { record_delimiter: "windows", quoted_match: /[\r\n]/ });
}

/** A file name safe for Content-Disposition: letters, digits, dot, dash and underscore only. */
export function csvFileName(...parts: string[]): string {
  const name = parts
    .map((p) => p.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean)
    .join("_");
  return `${name || "export"}.csv`;
}
