// A reader of the parallel CSV export (parallel-csv.ts), in a worker thread: its own read-only connection, one read
// transaction per export (so every part it reads is one snapshot), and the CSV lines of each part built here and sent
// to the main thread as transferred bytes when asked for; the main thread only writes them out.
//
// Plain JavaScript: a worker thread cannot load TypeScript without a loader of its own (tens of megabytes a thread).
// The messages are typed in csv-reader-protocol.ts; the exports' one rule for cells and records is lib/csv-field.mjs.
import { parentPort } from "node:worker_threads";
import Database from "better-sqlite3";
import { csvLine } from "../../lib/csv-field.mjs";

/** Connections by database path, kept while the thread lives. */
const connections = new Map();
/** The open export: its connection, its statement, the cell whose NULL leaves a row out, and the parts' iterators. */
let current = null;
const encoder = new TextEncoder();

function connection(path) {
  let sqlite = connections.get(path);
  if (!sqlite) {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
    sqlite.pragma("busy_timeout = 5000");
    // A part reads one Member State's rows through the state's index, in order: no sort to hold, and SQLite's default
    // 2 MB of cache read as fast at scale as 8 MB did.
    sqlite.pragma("cache_size = -2048");
    connections.set(path, sqlite);
  }
  return sqlite;
}

function end() {
  if (!current) return;
  for (const rows of current.parts.values()) rows.return?.();
  if (current.sqlite.inTransaction) current.sqlite.exec("COMMIT");
  current = null;
}

/** Lines of the part until about `chars` characters; `done` when the part has no more rows. */
function chunkOf(rows, skipAt, chars) {
  let text = "";
  let count = 0;
  while (text.length < chars) {
    const next = rows.next();
    if (next.done) return { text, rows: count, done: true };
    if (skipAt >= 0 && next.value[skipAt] === null) continue;
    text += csvLine(next.value);
    count++;
  }
  return { text, rows: count, done: false };
}

function handle(message) {
  switch (message.type) {
    case "open": {
      end();
      const sqlite = connection(message.path);
      sqlite.exec("BEGIN");
      // The snapshot starts with this read: every part after it sees the same data, whose version the main thread compares.
      const version = sqlite.prepare(message.versionSql).raw(true).get();
      current = { sqlite, statement: sqlite.prepare(message.sql).raw(true), skipAt: message.skipAt, parts: new Map() };
      parentPort.postMessage({ type: "opened", version: JSON.stringify(version ?? null) });
      return;
    }
    case "more": {
      if (!current) throw new Error("no export is open");
      let rows = current.parts.get(message.part);
      if (!rows) current.parts.set(message.part, (rows = current.statement.iterate(...message.params)));
      const chunk = chunkOf(rows, current.skipAt, message.chars);
      if (chunk.done) current.parts.delete(message.part);
      const bytes = encoder.encode(chunk.text);
      parentPort.postMessage({ type: "chunk", part: message.part, bytes, rows: chunk.rows, done: chunk.done }, [bytes.buffer]);
      return;
    }
    case "close":
      end();
      parentPort.postMessage({ type: "closed" });
      return;
    default:
      throw new Error(`unknown request ${String(message.type)}`);
  }
}

parentPort.on("message", (message) => {
  try {
    handle(message);
  } catch (error) {
    try {
      end();
    } catch {
      // The connection is unusable; the error below is what the main thread needs.
    }
    parentPort.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
