/** The messages between the parallel CSV export (parallel-csv.ts) and its readers (csv-reader.worker.mjs, which follows these types by hand). */

export type ReaderRequest =
  /** Begin an export: one read transaction; `versionSql` is read first, `sql` is the statement of every part. */
  | { type: "open"; path: string; sql: string; versionSql: string; skipAt: number }
  /** The next lines of a part (its statement's parameters), about `chars` characters of them. */
  | { type: "more"; part: number; params: unknown[]; chars: number }
  | { type: "close" };

export type ReaderReply =
  | { type: "opened"; version: string }
  | { type: "chunk"; part: number; bytes: Uint8Array; rows: number; done: boolean }
  | { type: "closed" }
  | { type: "error"; message: string };
