/**
 * A CSV export read by several threads at once (issue #16: the export of 3,000,000 rows at the rate of `sqlite3 -csv`
 * needs more than one core; stepping SQLite is most of its time). The rows are cut into parts that follow one another
 * in the export's order (one Member State each, when the order begins with the state); each reader
 * (csv-reader.worker.mjs) takes the next part not yet taken and builds its lines, and this thread writes the parts out
 * in order. Memory stays bounded: a part ahead of the one being written is read only while the lines waiting ahead
 * hold less than AHEAD_BYTES, and the part being written only while the client keeps up.
 *
 * Every reader reads in one read transaction; the export goes ahead only if all of them read the same inventory
 * version (content_version, bumped in the transaction of every change), so the file is one snapshot, as a single
 * statement's would be. Otherwise, after a few tries, the caller reads alone.
 */
import { UTF8_BOM, csvLine, type CsvStreamOptions } from "@/lib/csv-stream";
import type { CsvReader } from "./csv-readers";
import type { ReaderReply } from "./csv-reader-protocol";

/** Characters of lines per message from a reader. */
const CHUNK_CHARS = 128 * 1024;
/** Bytes of the part being written that may wait for the client. */
const CURRENT_BYTES = 1024 * 1024;
/** Bytes of the parts ahead of it that may wait. */
const AHEAD_BYTES = 8 * 1024 * 1024;
const SNAPSHOT_TRIES = 3;
const VERSION_SQL = "select epoch, version from content_version where id = 1";

export interface ParallelCsv {
  path: string;
  /** The statement of every part, with the parameters of each. */
  sql: string;
  parts: unknown[][];
  /** A cell index whose NULL means the row is left out (CsvSelect.asOfCell), or -1. */
  skipAt: number;
  header: readonly string[];
}

interface Part {
  chunks: Uint8Array[];
  bytes: number;
  done: boolean;
}

/** Opens the readers on one snapshot; false when they could not agree on one. */
async function openSnapshot(readers: CsvReader[], csv: ParallelCsv): Promise<boolean> {
  for (let attempt = 0; attempt < SNAPSHOT_TRIES; attempt++) {
    const replies = await Promise.all(readers.map((r) => r.ask({ type: "open", path: csv.path, sql: csv.sql, versionSql: VERSION_SQL, skipAt: csv.skipAt })));
    const versions = new Set(replies.map((r) => (r.type === "opened" ? r.version : null)));
    if (versions.size === 1 && !versions.has(null)) return true;
    await Promise.all(readers.map((r) => r.ask({ type: "close" })));
  }
  return false;
}

/**
 * The export as a stream, or null when the readers could not open one snapshot (a write landed between their first
 * reads, every try). Rejects when a reader cannot start; the caller then reads alone. `release` is called once the
 * readers are done with, whatever happens.
 */
export async function parallelCsvStream(
  readers: CsvReader[],
  release: () => void,
  csv: ParallelCsv,
  options: CsvStreamOptions = {},
): Promise<ReadableStream<Uint8Array> | null> {
  let opened: boolean;
  try {
    opened = await openSnapshot(readers, csv);
  } catch (error) {
    release();
    throw error;
  }
  if (!opened) {
    release();
    return null;
  }

  const parts: Part[] = csv.parts.map(() => ({ chunks: [], bytes: 0, done: false }));
  let writing = 0; // the part being written out
  let nextPart = 0; // the next part no reader has taken
  let aheadBytes = 0;
  let rows = 0;
  let stopped = false;
  let failure: unknown = null;
  let closed = false;
  // The readers and the writer wait on the same change: all of them look again when anything moves.
  let waiters: (() => void)[] = [];
  const waitForChange = () => new Promise<void>((resolve) => waiters.push(resolve));
  const notify = () => {
    const all = waiters;
    waiters = [];
    for (const w of all) w();
  };

  const finish = (result: { error?: unknown; cancelled?: boolean }) => {
    if (closed) return;
    closed = true;
    options.onClose?.({ rows, ...result });
  };

  const mayRead = (index: number) => {
    const part = parts[index]!;
    return index === writing ? part.bytes < CURRENT_BYTES : aheadBytes < AHEAD_BYTES;
  };

  async function read(reader: CsvReader): Promise<void> {
    while (!stopped && nextPart < parts.length) {
      const index = nextPart++;
      const part = parts[index]!;
      while (!stopped && !part.done) {
        if (!mayRead(index)) {
          await waitForChange();
          continue;
        }
        const reply = (await reader.ask({ type: "more", part: index, params: csv.parts[index]!, chars: CHUNK_CHARS })) as Extract<
          ReaderReply,
          { type: "chunk" }
        >;
        if (reply.bytes.byteLength) {
          part.chunks.push(reply.bytes);
          part.bytes += reply.bytes.byteLength;
          if (index !== writing) aheadBytes += reply.bytes.byteLength;
        }
        rows += reply.rows;
        part.done = reply.done;
        notify();
      }
    }
  }

  // The readers run until every part is read, the client goes or one fails; then each ends its read transaction.
  const reading = Promise.all(
    readers.map((reader) =>
      read(reader).catch((error) => {
        failure ??= error;
        stopped = true;
        notify();
      }),
    ),
  ).finally(() =>
    Promise.allSettled(readers.map((r) => r.ask({ type: "close" }))).then(() => {
      release();
      notify();
    }),
  );

  let started = false;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode((options.bom ? UTF8_BOM : "") + csvLine(csv.header)));
          return;
        }
        for (;;) {
          if (failure) {
            finish({ error: failure });
            controller.error(failure);
            return;
          }
          const part = parts[writing];
          if (!part) {
            // The readers are given back before the client sees the end, so its next export finds them free.
            await reading;
            controller.close();
            finish({});
            return;
          }
          const chunk = part.chunks.shift();
          if (chunk) {
            part.bytes -= chunk.byteLength;
            controller.enqueue(chunk);
            notify();
            return;
          }
          if (part.done) {
            writing++;
            // The next part's lines no longer wait ahead: they are the ones being written.
            if (parts[writing]) aheadBytes -= parts[writing]!.bytes;
            notify();
            continue;
          }
          await waitForChange();
        }
      },
      cancel() {
        stopped = true;
        notify();
        finish({ cancelled: true });
      },
    },
    { highWaterMark: 1 },
  );
}
