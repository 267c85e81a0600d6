/**
 * Today's indicator cache (db/cache/indicator-cache.ts) is filled in a process of its own
 * (scripts/warm-indicator-cache.ts) on start-up of the production server and after each UTC midnight, so the first
 * dashboard view of the day does not wait for it; the server keeps answering meanwhile. INDICATOR_CACHE_WARM=0 turns
 * it off.
 */
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { errorFields, log } from "@/lib/log";

/** `start` warms now and after each UTC midnight; `stop` cancels the next one and ends a warm-up under way. */
export function indicatorWarmUp(): { start(): void; stop(): void } {
  let warming: ChildProcess | undefined;
  let warmTimer: NodeJS.Timeout | undefined;
  const warmIndicatorCache = () => {
    if (process.env.INDICATOR_CACHE_WARM === "0" || warming) return;
    warming = fork(join(process.cwd(), "scripts", "warm-indicator-cache.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
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
