/**
 * Streaming CSV for the exports: the same cell rules as lib/csv.ts (RFC 4180
 * quoting, CRLF, formula neutralisation through `csvCell`), written line by
 * line into a ReadableStream that produces only when the consumer pulls, so a
 * 3,000,000-row export holds one chunk in memory, never the rows.
 */
import { csvCell, type CsvValue } from "./csv";

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** One record as RFC 4180 text, with its CRLF. Hot path of every export: no allocation beyond the line. */
export function csvLine(values: readonly CsvValue[]): string {
  let out = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    const v = values[i];
    if (v === null || v === undefined || v === "") continue;
    // Numbers cannot need quotes or neutralising; text goes through the one rule of lib/csv.ts.
    const cell = typeof v === "number" && Number.isFinite(v) ? String(v) : csvCell(v);
    out += NEEDS_QUOTES.test(cell) ? `"${cell.replace(QUOTE, '""')}"` : cell;
  }
  return out + "\r\n";
}

export const UTF8_BOM = "\uFEFF";
/** Bytes produced per pull: large enough to amortise the overhead, small enough to keep memory flat. */
export const CSV_CHUNK_CHARS = 64 * 1024;

export interface CsvStreamOptions {
  bom?: boolean;
  chunkChars?: number;
  /** Called once when the stream ends, is cancelled or fails, with the number of data rows written. */
  onClose?: (result: { rows: number; error?: unknown; cancelled?: boolean }) => void;
}

/**
 * A pull-driven CSV body: each pull() takes rows from the iterator until the
 * chunk is full, so the database is read only as fast as the client reads.
 * Cancelling (client gone) closes the iterator, which finalises the statement.
 */
export function csvStream(header: readonly string[], rows: Iterator<readonly CsvValue[]>, options: CsvStreamOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const limit = options.chunkChars ?? CSV_CHUNK_CHARS;
  let started = false;
  let count = 0;
  let closed = false;
  const finish = (result: { error?: unknown; cancelled?: boolean }) => {
    if (closed) return;
    closed = true;
    options.onClose?.({ rows: count, ...result });
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        try {
          let chunk = "";
          if (!started) {
            started = true;
            chunk = (options.bom ? UTF8_BOM : "") + csvLine(header);
          }
          while (chunk.length < limit) {
            const next = rows.next();
            if (next.done) {
              if (chunk) controller.enqueue(encoder.encode(chunk));
              controller.close();
              finish({});
              return;
            }
            chunk += csvLine(next.value);
            count++;
          }
          controller.enqueue(encoder.encode(chunk));
        } catch (error) {
          rows.return?.();
          finish({ error });
          controller.error(error);
        }
      },
      cancel() {
        rows.return?.();
        finish({ cancelled: true });
      },
    },
    { highWaterMark: 1 },
  );
}
