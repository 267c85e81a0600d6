/**
 * Today's indicator cache (db/cache/indicator-cache.ts) is filled in a process of its own
 * (scripts/warm-indicator-cache.ts) on start-up of the production server and after each UTC midnight, so the first
 * dashboard view of the day does not wait for it; the server keeps answering meanwhile. INDICATOR_CACHE_WARM=0 turns
 * it off. In a cluster, a past date a page asks for is filled the same way, once, when a worker asks the primary
 * (`indicatorFills`; ./indicator-fill.ts).
 */
import { fork, type ChildProcess } from "node:child_process";
import type { EventEmitter } from "node:events";
import { join } from "node:path";
import { errorFields, log } from "@/lib/log";

/** `start` warms now and after each UTC midnight; `stop` cancels the next one and ends a warm-up under way. */
export function indicatorWarmUp(): { start(): void; stop(): void } {
  let warming: ChildProcess | undefined;
  let warmTimer: NodeJS.Timeout | undefined;
  const warmIndicatorCache = () => {
    if (process.env.INDICATOR_CACHE_WARM === "0" || warming) return;
    warming = forkFill();
    warming.once("exit", () => (warming = undefined));
    warming.once("error", (error) => log("error", "could not start warming the indicator cache", errorFields(error)));
  };
  const scheduleWarmAtMidnight = () => {
    const now = Date.now();
    const nextMidnight = Math.ceil((now + 1) / 86_400_000) * 86_400_000;
    warmTimer = setTimeout(
      () => {
        warmIndicatorCache();
        scheduleWarmAtMidnight();
      },
      nextMidnight - now + 5_000,
    );
    warmTimer.unref();
  };
  return {
    start() {
      warmIndicatorCache();
      scheduleWarmAtMidnight();
    },
    stop() {
      clearTimeout(warmTimer);
      warming?.kill("SIGTERM");
    },
  };
}

/** A fill's process, as far as the runner needs it (a test gives a stand-in). */
export type FillProcess = Pick<ChildProcess, "kill"> & Pick<EventEmitter, "once">;

/** scripts/warm-indicator-cache.ts for the date (today without one), with an IPC channel: it stops between batches when the primary has gone. */
function forkFill(asOf?: string): ChildProcess {
  return fork(join(process.cwd(), "scripts", "warm-indicator-cache.ts"), asOf ? [asOf] : [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/**
 * The past dates the workers ask for, each filled once in a process of its own, one date at a time: a date asked for
 * while it is filled or waiting is not added again, and one asked for after its fill ended is filled again (finding
 * nothing missing, it ends at once; after a failure, it goes on). `stop` drops the waiting dates and ends the fill.
 */
export function indicatorFills(start: (asOf: string) => FillProcess = forkFill): { request(asOf: string): void; stop(): void } {
  const waiting: string[] = [];
  let running: { asOf: string; child: FillProcess } | undefined;
  let stopped = false;
  const next = () => {
    if (stopped || running || waiting.length === 0) return;
    const asOf = waiting.shift()!;
    const child = start(asOf);
    running = { asOf, child };
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      running = undefined;
      next();
    };
    child.once("exit", end);
    child.once("error", (error: Error) => {
      log("error", "could not start filling the indicator cache", { asOf, ...errorFields(error) });
      end();
    });
  };
  return {
    request(asOf) {
      if (stopped || running?.asOf === asOf || waiting.includes(asOf)) return;
      waiting.push(asOf);
      next();
    },
    stop() {
      stopped = true;
      waiting.length = 0;
      running?.child.kill("SIGTERM");
    },
  };
}
