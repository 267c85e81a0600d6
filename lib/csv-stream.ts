/**
 * Streaming CSV for the exports: the same cell rules as lib/csv.ts (RFC 4180
 * quoting, CRLF, formula neutralisation through `csvField`), written line by
 * line into a ReadableStream that produces only when the consumer pulls, so a
 * 3,000,000-row export holds one chunk in memory, never the rows.
 */
import { csvLine, type CsvValue } from "./csv-field.mjs";

export { csvLine };

export const UTF8_BOM = "\uFEFF";
/** Characters produced per pull: large enough to amortise the per-chunk cost of the stream, small enough to keep memory flat. */
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
 * A row is an array of cell values in header order (e.g. a raw better-sqlite3
 * row): lines are built from it directly, with no row object in between.
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
