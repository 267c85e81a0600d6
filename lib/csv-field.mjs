// One CSV cell, and one record, as the exports write them (SECURITY.md "Input and output"). Plain JavaScript with its types beside it
// (csv-field.d.mts): the export's reader threads (server/export/csv-reader.worker.mjs) load it as it is, with no
// TypeScript loader, so each thread costs a few megabytes instead of a compiler's; lib/csv.ts re-exports it.

/** `=`, `+`, `-`, `@`, tab, CR, LF: the first characters a spreadsheet may read as a formula. */
function startsLikeFormula(text) {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 10;
}

/** One cell as it is written: numbers as numbers, empty for null, text neutralised with a leading apostrophe. */
export function csvCell(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return startsLikeFormula(value) ? `'${value}` : value;
}

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * One cell as an RFC 4180 field: `csvCell`, then quoted (quotes doubled) when it holds a quote, comma, CR or LF. The
 * hot path of the streamed exports, so text, the common case, is tested first.
 */
export function csvField(value) {
  if (typeof value === "string") {
    if (value === "") return "";
    const cell = startsLikeFormula(value) ? `'${value}` : value;
    return NEEDS_QUOTES.test(cell) ? `"${cell.replace(QUOTE, '""')}"` : cell;
  }
  // Numbers, booleans and empty cells never need quotes.
  return csvCell(value);
}

/** One record as RFC 4180 text, with its CRLF. */
export function csvLine(values) {
  let out = values.length ? csvField(values[0]) : "";
  for (let i = 1; i < values.length; i++) out += "," + csvField(values[i]);
  return out + "\r\n";
}
