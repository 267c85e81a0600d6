/**
 * The production HTTP server: Next's request handler behind our own
 * http.Server, so that every request gets a request id (logged and returned
 * in X-Request-Id), and SIGTERM drains: report unhealthy for a short grace
 * period while still serving, then stop accepting, finish what is in
 * flight, checkpoint the WAL, close the database, exit.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { getDb, getDbHandle, openedDbHandle, runInEditionScope } from "../db/client";
import { closeEditionCopies, resolveEditionScope } from "../db/editions";
import { editionAsked } from "../lib/editions";
import { publishedVersion } from "../db/cache/content-version";
import { createResponseCache, responseCacheOptionsFromEnv, type Outcome } from "@/server/cache/responses";
import { recordReplayedCsvExport } from "@/server/export/audit";
import { backupDatabase, pruneBackups, scheduledBackupName } from "../db/backup";
import { errorFields, log, newRequestId } from "../lib/log";
import { connectionAccepted, requestEnded, requestsInFlight, requestStarted } from "@/server/cache/requests-in-flight";
import { refuseRequest } from "../lib/request-gate";
import { indicatorFills, indicatorWarmUp } from "@/server/cache/warm-up";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/auth/client-address";
import { LOCALE_HEADER, PATHNAME_HEADER } from "@/lib/i18n";
import { join } from "node:path";

const LANGUAGE_HEADERS = [LOCALE_HEADER, PATHNAME_HEADER];

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

const DRAIN_TIMEOUT_MS = 15_000;
/** After SIGTERM the server keeps serving this long while health says 503, so a load balancer stops sending first. */
const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 1000);

export interface ServerOptions {
  port: number;
  backup?: { dir: string; intervalHours: number; keep: number; livePath: string };
  /** false in a cluster's worker: the primary runs the background work once for all (startBackgroundWork). */
  background?: boolean;
}

export async function startServer(options: ServerOptions): Promise<void> {
  // hostname and port let Next fetch a server action's redirect target from itself.
  const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let draining = false;
  // Anonymous answers kept by the inventory's version, validators and Cache-Control (server/cache/responses.ts).
  // A kept CSV export replayed is audited as one rendered (SECURITY.md "exports audited").
  const responses = createResponseCache({
    ...responseCacheOptionsFromEnv(process.env, () => publishedVersion(getDb())),
    onReplay: (url, requestId) => void recordReplayedCsvExport(getDb(), url, requestId),
  });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : newRequestId();
    req.headers["x-request-id"] = requestId;
    // Sign-in throttling counts by this address; a client cannot set it (lib/auth/client-address.ts).
    // The language headers are proxy.ts's to set from the URL; a client's own would put a French page under an English
    // URL where the proxy does not run (a path with a file extension), and the response cache keys on the URL.
    for (const name of LANGUAGE_HEADERS) delete req.headers[name];
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], process.env.TRUST_PROXY === "1");
    res.setHeader("X-Request-Id", requestId);
    if (draining && req.url?.startsWith("/api/health")) {
      res.statusCode = 503;
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ status: "shutting down" }));
      return;
    }
    if (draining) res.setHeader("Connection", "close");
    const refusal = refuseRequest(req, process.env.TRUST_PROXY === "1" ? "x-forwarded-host" : null);
    if (refusal) {
      const isApi = (req.url ?? "").startsWith("/api/");
      res.statusCode = refusal.status;
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("Content-Type", isApi ? "application/problem+json" : "text/plain; charset=utf-8");
      res.end(
        isApi
          ? JSON.stringify({
              type: "about:blank",
              title: refusal.status === 400 ? "Bad Request" : "Forbidden",
              status: refusal.status,
              detail: refusal.detail,
              requestId,
            })
          : `${refusal.detail}\n`,
      );
      log("info", "request", { requestId, method: req.method, path: (req.url ?? "").split("?")[0], status: refusal.status, refused: true });
      return;
    }
    const started = performance.now();
    let cache: Outcome | undefined;
    requestStarted();
    res.on("close", () => {
      requestEnded();
      const path = (req.url ?? "").split("?")[0];
      log("info", "request", { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started), cache });
    });
    const serve = () =>
      responses
        .serve(
          req,
          res,
          () => handle(req, res),
          (outcome) => (cache = outcome),
        )
        .catch((error: unknown) => {
          log("error", "request failed", { requestId, ...errorFields(error) });
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        });
    // "?edition=2026-H2" on a page: the request reads that edition's frozen copy (db/client.ts getDb, db/editions.ts).
    // Pages and their server actions only: another POST is a route handler's, which always works on the live inventory.
    const isPageRequest = req.method === "GET" || req.method === "HEAD" || (req.method === "POST" && req.headers["next-action"] !== undefined);
    const edition = isPageRequest ? editionAsked(req.url) : null;
    if (edition === null) serve();
    else runInEditionScope(resolveEditionScope(edition), serve);
  });

  server.on("connection", () => connectionAccepted());

  // Background work runs in one process only: here when the server is the only process, else in the cluster's primary (scripts/cluster.ts).
  const background = options.background === false ? null : startBackgroundWork(options.backup);

  const shutdown = (signal: string) => {
    if (draining) return;
    draining = true;
    log("info", "shutting down", { signal, inFlight: requestsInFlight() });
    background?.stop();
    setTimeout(() => {
      const force = setTimeout(() => {
        log("warn", "requests still running after the drain timeout; closing anyway", { inFlight: requestsInFlight() });
        finish(1);
      }, DRAIN_TIMEOUT_MS);
      force.unref();
      server.close(() => finish(0));
      server.closeIdleConnections();
    }, SHUTDOWN_GRACE_MS);
  };

  const finish = (code: number) => {
    closeEditionCopies();
    process.exit(closeDatabase() ? code : 1);
  };

  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => resolve());
  });
  background?.start();
}

/**
 * Work that must run once whatever the number of server processes: scheduled backups (on a connection of this
 * process), the warm-up of today's indicator cache at start-up and after each UTC midnight, and the past dates the
 * workers of a cluster ask to fill (each a process of its own, server/cache/warm-up.ts).
 */
export function startBackgroundWork(backup: ServerOptions["backup"]): { start(): void; stop(): void; fillIndicators(asOf: string): void } {
  let backupTimer: NodeJS.Timeout | undefined;
  const warmUp = indicatorWarmUp();
  const fills = indicatorFills();
  return {
    /** A past date's indicator figures a worker asked for (server/cache/indicator-fill.ts). */
    fillIndicators: (asOf) => fills.request(asOf),
    start() {
      if (backup) {
        const { dir, intervalHours, keep, livePath } = backup;
        const prefix = scheduledBackupName(livePath).replace(/-\d{4}-.*$/, "-");
        backupTimer = setInterval(() => {
          backupDatabase(getDbHandle().sqlite, join(dir, scheduledBackupName(livePath)))
            .then((r) => log("info", "scheduled backup", { path: r.path, bytes: r.bytes, pruned: pruneBackups(dir, prefix, keep) }))
            .catch((error: unknown) => log("error", "scheduled backup failed", errorFields(error)));
        }, intervalHours * 3_600_000);
        backupTimer.unref();
      }
      warmUp.start();
    },
    stop() {
      clearInterval(backupTimer);
      warmUp.stop();
      fills.stop();
    },
  };
}

/** Folds the WAL into the database and closes this process's connection, if it opened one; false if that failed. */
export function closeDatabase(): boolean {
  const db = openedDbHandle();
  if (!db?.sqlite.open) return true;
  try {
    db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    db.sqlite.close();
    log("info", "database closed", { checkpointed: true });
    return true;
  } catch (error) {
    log("error", "closing the database failed", errorFields(error));
    return false;
  }
}
