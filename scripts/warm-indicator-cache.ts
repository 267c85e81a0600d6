/**
 * Fills the indicator cache (db/cache/indicator-cache.ts) for today, so the
 * first dashboard view of the day does not wait for it: at the scale of the
 * acquis that is a minute of work. Started by the production server
 * (scripts/server.ts) in its own process — the server keeps answering — on
 * start-up and after each UTC midnight; also runnable by hand:
 * `npx tsx scripts/warm-indicator-cache.ts [YYYY-MM-DD]`.
 * Stops between batches when the server that started it has gone.
 */
import { databasePath, openDatabase } from "../db/client";
import { ensureIndicatorCache } from "@/db/cache/indicator-cache";
import { isIsoDate, todayIso } from "../lib/as-of";
import { errorFields, log } from "../lib/log";

const today = todayIso();
const asOf = process.argv[2] ?? today;
if (!isIsoDate(asOf)) {
  console.error(`warm-indicator-cache: not a date: ${asOf}`);
  process.exit(2);
}
/**
 * Between two batches the warm-up lets go of the write lock for a moment: SQLite's busy handler polls, so a process
 * taking the lock back at once would starve the server's own writes (a page's, an editor's) past their busy timeout.
 */
const PAUSE_MS = 50;
const pause = new Int32Array(new SharedArrayBuffer(4));
const started = performance.now();
const handle = openDatabase(databasePath(), { mustExist: true });
try {
  const computed = ensureIndicatorCache(handle.db, asOf, today, {
    shouldStop: () => process.send !== undefined && !process.connected,
    betweenBatches: () => void Atomics.wait(pause, 0, 0, PAUSE_MS),
  });
  log("info", "indicator cache warmed", { asOf, instruments: computed, ms: Math.round(performance.now() - started) });
} catch (error) {
  log("error", "warming the indicator cache failed", { asOf, ...errorFields(error) });
  process.exitCode = 1;
} finally {
  handle.sqlite.close();
}
