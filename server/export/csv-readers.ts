/**
 * The worker threads that read for the parallel CSV export (csv-reader.worker.mjs), kept per process: started on the
 * first export that needs them, ended after a while without exports, never keeping the process alive (SIGTERM's
 * drain is not held up by them). An export borrows all of them or none.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ReaderReply, ReaderRequest } from "./csv-reader-protocol";

/** Readers of an export; 0 or 1 reads in the request's own thread (server/export/csv-export.ts). */
export function csvReaderCount(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const asked = env.CSV_EXPORT_READERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), 16);
  return cores >= 2 ? 2 : 0;
}

const IDLE_MS = 5 * 60_000;

export interface CsvReader {
  /** Sends one request; replies come in the order of the requests. */
  ask(request: ReaderRequest): Promise<ReaderReply>;
}

class ReaderThread implements CsvReader {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (reply: ReaderReply) => void; reject: (error: Error) => void }[] = [];
  dead = false;

  constructor(file: string) {
    // A reader holds one chunk of lines (128 K characters) and one row at a time: small heaps keep each thread to a few
    // megabytes beyond Node's own (the export's peak memory is part of issue #16's target), at no cost in speed
    // measured at scale.
    this.worker = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 } });
    this.worker.unref();
    this.worker.on("message", (reply: ReaderReply) => {
      const next = this.waiting.shift();
      if (reply.type === "error") next?.reject(new Error(`csv reader: ${reply.message}`));
      else next?.resolve(reply);
    });
    const fail = (error: Error) => {
      this.dead = true;
      for (const w of this.waiting.splice(0)) w.reject(error);
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`csv reader exited (${code})`)));
  }

  ask(request: ReaderRequest): Promise<ReaderReply> {
    if (this.dead) return Promise.reject(new Error("csv reader is gone"));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(request);
    });
  }

  end(): void {
    this.dead = true;
    void this.worker.terminate();
  }
}

/** On globalThis: Next's bundle may hold more than one copy of this module, and they share the threads. */
const pool = globalThis as unknown as { inventoryCsvReaders?: { threads: ReaderThread[]; busy: boolean; idle?: NodeJS.Timeout } };

const WORKER_FILE = join(process.cwd(), "server/export/csv-reader.worker.mjs");

/**
 * `count` readers for one export, or null when they are lent out to another export (or cannot be started: then the
 * export reads in its own thread). `release` gives them back.
 */
export function borrowCsvReaders(count: number): { readers: CsvReader[]; release: () => void } | null {
  if (count < 2 || !existsSync(WORKER_FILE)) return null;
  const state = (pool.inventoryCsvReaders ??= { threads: [], busy: false });
  if (state.busy) return null;
  clearTimeout(state.idle);
  state.threads = state.threads.filter((t) => !t.dead);
  while (state.threads.length < count) state.threads.push(new ReaderThread(WORKER_FILE));
  state.busy = true;
  const lent = state.threads.slice(0, count);
  return {
    readers: lent,
    release: () => {
      state.busy = false;
      state.idle = setTimeout(() => {
        if (state.busy) return;
        for (const t of state.threads.splice(0)) t.end();
      }, IDLE_MS);
      state.idle.unref();
    },
  };
}
