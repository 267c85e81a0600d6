/**
 * Every core: the primary process (scripts/start.ts, after it prepared the database once) forks one server process per
 * worker with node:cluster, which hands the port's connections to them in turn. All of them use the one SQLite file in
 * WAL mode: readers run side by side, writes are serialised by SQLite (IMMEDIATE transactions, busy timeout), and what
 * one worker commits is seen by the others through the content version (db/cache/content-version.ts).
 *
 * The primary runs the background work once (scheduled backups, the indicator cache's warm-up, the past dates a
 * worker asks it to fill: server/cache/indicator-fill.ts), replaces a worker that
 * dies (a SIGKILL, a crash), and on SIGTERM or SIGINT has every worker drain (scripts/server.ts) before it exits.
 */
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { errorFields, log } from "../lib/log";
import { closeDatabase, startBackgroundWork, type ServerOptions } from "./server";
import { indicatorFillRequestSchema } from "@/server/cache/fill-request";

/** How long the primary waits for its workers to drain before it kills them: their grace period and drain timeout, and some. */
const STOP_TIMEOUT_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 1000) + 15_000 + 5_000;
/** More replacements than this within RESTART_WINDOW_MS means workers die of something a new one will not escape. */
const MAX_RESTARTS = 10;
const RESTART_WINDOW_MS = 60_000;

/** WEB_CONCURRENCY, else one per CPU the process may use. */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.WEB_CONCURRENCY);
  return Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
}

/** Forks `workers` servers and resolves once every one listens; rejects if one dies before it does. */
export async function startCluster(options: ServerOptions & { workers: number }): Promise<void> {
  let started = false;
  let stopping = false;
  let exitCode = 0;
  const restarts: number[] = [];
  const background = startBackgroundWork(options.backup);
  const fork = (): Worker => cluster.fork();
  const live = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());

  const finish = (code: number) => {
    background.stop();
    process.exit(closeDatabase() ? code : 1);
  };
  const shutdown = (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    background.stop();
    const workers = live();
    log("info", "shutting down every server process", { reason, workers: workers.length });
    if (workers.length === 0) return finish(code);
    // Each drains as a lone server does: health 503 for the grace period, then finish what is in flight, checkpoint, exit.
    for (const worker of workers) worker.process.kill("SIGTERM");
    const force = setTimeout(() => {
      log("warn", "server processes still running after the drain timeout; killing them");
      for (const worker of live()) worker.process.kill("SIGKILL");
      finish(1);
    }, STOP_TIMEOUT_MS);
    force.unref();
  };
  // From the start: the first worker answers (health included) while the others are still starting, and a SIGTERM
  // then must drain it like any other, not kill the primary and with it every worker.
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("uncaughtException", (error) => {
    log("error", "the primary process failed", errorFields(error));
    shutdown("error", 1);
  });

  cluster.on("message", (_worker, message: unknown) => {
    const request = indicatorFillRequestSchema.safeParse(message);
    if (request.success) background.fillIndicators(request.data.asOf);
  });

  let failStart: (error: Error) => void = () => {};
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (live().length === 0) finish(exitCode);
      return;
    }
    if (!started) {
      for (const other of live()) other.process.kill("SIGKILL");
      failStart(new Error(`a server process (pid ${worker.process.pid}) exited while starting (${signal ?? `code ${code}`}); its error is above`));
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && now - (restarts[0] ?? now) > RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > MAX_RESTARTS) {
      log("error", "server processes keep dying; stopping", { restarts: restarts.length, windowMs: RESTART_WINDOW_MS });
      shutdown("restart loop", 1);
      return;
    }
    log("warn", "a server process exited; starting another", { pid: worker.process.pid, code, signal });
    fork();
  });

  await new Promise<void>((resolve, reject) => {
    failStart = reject;
    // One after another: the first answers as soon as a lone server would (the others do not compete with its start
    // for the CPUs), and the rest join it.
    let listening = 0;
    const onListening = () => {
      if (++listening < options.workers) return void fork();
      cluster.off("listening", onListening);
      started = true;
      resolve();
    };
    cluster.on("listening", onListening);
    fork();
  });
  background.start();
}
