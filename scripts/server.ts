/**
 * The production HTTP server: Next's request handler behind our own
 * http.Server, so that every request gets a request id (logged and returned
 * in X-Request-Id), and SIGTERM drains: report unhealthy for a short grace
 * period while still serving, then stop accepting, finish what is in
 * flight, checkpoint the WAL, close the database, exit.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { openedDbHandle, runInEditionScope } from "../db/client";
import { closeEditionCopies, resolveEditionScope } from "../db/editions";
import { editionAsked } from "../lib/editions";
import { backupDatabase, pruneBackups, scheduledBackupName } from "../db/backup";
import { errorFields, log, newRequestId } from "../lib/log";
import { connectionAccepted, requestEnded, requestsInFlight, requestStarted } from "@/server/cache/requests-in-flight";
import { refuseRequest } from "../lib/request-gate";
import { indicatorWarmUp } from "@/server/cache/warm-up";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/auth/client-address";
import { join } from "node:path";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

const DRAIN_TIMEOUT_MS = 15_000;
/** After SIGTERM the server keeps serving this long while health says 503, so a load balancer stops sending first. */
const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 1000);

export interface ServerOptions {
  port: number;
  backup?: { dir: string; intervalHours: number; keep: number; livePath: string };
}

export async function startServer(options: ServerOptions): Promise<void> {
  // hostname and port let Next fetch a server action's redirect target from itself.
  const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let draining = false;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : newRequestId();
    req.headers["x-request-id"] = requestId;
    // Sign-in throttling counts by this address; a client cannot set it (lib/auth/client-address.ts).
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
    requestStarted();
    res.on("close", () => {
      requestEnded();
      const path = (req.url ?? "").split("?")[0];
      log("info", "request", { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) });
    });
    const serve = () =>
      handle(req, res).catch((error: unknown) => {
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

  let backupTimer: NodeJS.Timeout | undefined;
  if (options.backup) {
    const { dir, intervalHours, keep, livePath } = options.backup;
    const prefix = scheduledBackupName(livePath).replace(/-\d{4}-.*$/, "-");
    backupTimer = setInterval(() => {
      const db = openedDbHandle();
      if (!db) return;
      backupDatabase(db.sqlite, join(dir, scheduledBackupName(livePath)))
        .then((r) => log("info", "scheduled backup", { path: r.path, bytes: r.bytes, pruned: pruneBackups(dir, prefix, keep) }))
        .catch((error: unknown) => log("error", "scheduled backup failed", errorFields(error)));
    }, intervalHours * 3_600_000);
    backupTimer.unref();
  }

  // Today's indicator cache is filled in a process of its own on start-up and after each UTC midnight (server/cache/warm-up.ts).
  const warmUp = indicatorWarmUp();

  const shutdown = (signal: string) => {
    if (draining) return;
    draining = true;
    log("info", "shutting down", { signal, inFlight: requestsInFlight() });
    clearInterval(backupTimer);
    warmUp.stop();
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
    const db = openedDbHandle();
    if (db?.sqlite.open) {
      try {
        db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
        db.sqlite.close();
        log("info", "database closed", { checkpointed: true });
      } catch (error) {
        log("error", "closing the database failed", errorFields(error));
        code = 1;
      }
    }
    process.exit(code);
  };

  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => resolve());
  });
  warmUp.start();
}
