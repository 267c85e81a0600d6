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
import { csvCell, type CsvValue } from "./csv-field.mjs";

export { csvCell, csvField, type CsvValue } from "./csv-field.mjs";

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
