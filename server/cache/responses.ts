/**
 * Responses kept by the inventory's version: the production server (scripts/server.ts) asks `serve` to answer each
 * request, which either answers it from what an earlier anonymous request with the same key rendered, answers 304 to
 * a client that holds it already, or lets Next render it — keeping the answer when it is a complete 200 for anyone.
 * The rules (key, validators, headers) are lib/response-cache.ts's; the version is the database's own counter
 * (db/cache/content-version.ts, migration 0012), read on every request, so a write committed by any process or path is
 * seen by the next read. Each worker process keeps its own answers, bounded in bytes, least recently used out first.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { todayIso } from "@/lib/as-of";
import {
  PRIVATE_CACHE_CONTROL,
  SHARED_VARY,
  classifyRequest,
  entityTag,
  ifNoneMatchMatches,
  isKeepable,
  lastModified,
  mergeVary,
  replayableHeaders,
  sharedCacheControl,
  type ContentState,
} from "@/lib/response-cache";
import { takeMomentary } from "./momentary";

export interface ResponseCacheOptions {
  /** Bytes of bodies and headers kept at most (0: keep nothing, validators and 304s still work). */
  maxBytes: number;
  /** How long a shared proxy may serve an answer before revalidating it (lib/response-cache.ts, sharedCacheControl). */
  sMaxAge: number;
  /** The content's version, read from the database on every request. */
  readState: () => ContentState;
  today?: () => string;
  /**
   * Called before a kept answer is sent again to a GET, with its URL and request id: a replay that must be recorded
   * as the render would have been (a CSV export's audit event, server/export/audit.ts). If it throws, nothing is sent.
   */
  onReplay?: (url: string, requestId: string) => void;
}

interface Entry {
  headers: [string, string | string[]][];
  body: Buffer;
  /** The content version and day the answer was rendered at: an entry of another is never replayed. */
  at: string;
  vary: string;
}

export type Outcome = "hit" | "not-modified" | "miss" | "private" | "pass";

export interface ResponseCache {
  /** Answers the request, from the cache or by `render` (Next's handler); says how. */
  serve(req: IncomingMessage, res: ServerResponse, render: () => Promise<void>, note?: (outcome: Outcome) => void): Promise<void>;
  stats(): { entries: number; bytes: number };
}

/** RESPONSE_CACHE_BYTES (default 128 MiB per worker process) and RESPONSE_CACHE_S_MAXAGE (default 1 s). */
export function responseCacheOptionsFromEnv(env: NodeJS.ProcessEnv, readState: () => ContentState): ResponseCacheOptions {
  const bytes = Number(env.RESPONSE_CACHE_BYTES ?? 128 * 1024 * 1024);
  const sMaxAge = Number(env.RESPONSE_CACHE_S_MAXAGE ?? 1);
  return { maxBytes: Number.isFinite(bytes) && bytes >= 0 ? bytes : 0, sMaxAge: Number.isFinite(sMaxAge) && sMaxAge > 0 ? sMaxAge : 1, readState };
}

type WriteHead = ServerResponse["writeHead"];

/**
 * Calls `decide` just before the status line and headers go out, whichever way Next sends them (writeHead with or
 * without headers, or implicitly by the first write), with every header already set on the response.
 */
function beforeHeaders(res: ServerResponse, decide: (status: number) => void): void {
  const original = res.writeHead.bind(res) as (status: number, reason?: string) => ServerResponse;
  res.writeHead = function (status: number, reasonOrHeaders?: unknown, maybeHeaders?: unknown) {
    const reason = typeof reasonOrHeaders === "string" ? reasonOrHeaders : undefined;
    const given = typeof reasonOrHeaders === "string" ? maybeHeaders : reasonOrHeaders;
    if (Array.isArray(given)) {
      // Raw [name, value, name, value…] pairs.
      for (let i = 0; i + 1 < given.length; i += 2) res.setHeader(String(given[i]), given[i + 1] as string);
    } else if (given && typeof given === "object") {
      for (const [name, value] of Object.entries(given as OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value);
    }
    decide(status);
    return original(status, reason);
  } as WriteHead;
}

/** Copies what is written to the response, up to `limit` bytes (beyond, the copy is dropped: the answer is not kept). */
function captureBody(res: ServerResponse, limit: number): () => Buffer | null {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const copy = (chunk: unknown, encoding: unknown) => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limit) {
      overflow = true;
      chunks.length = 0;
    } else chunks.push(buffer);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => {
    copy(args[0], args[1]);
    return write(...args);
  }) as ServerResponse["write"];
  res.end = ((...args: unknown[]) => {
    copy(args[0], args[1]);
    return end(...args);
  }) as ServerResponse["end"];
  return () => (overflow ? null : Buffer.concat(chunks));
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const today = options.today ?? (() => todayIso());
  // One answer may take at most an eighth of the budget, so that one large CSV cannot push out every page.
  const maxEntrySize = Math.max(1, Math.floor(options.maxBytes / 8));
  const entries =
    options.maxBytes > 0
      ? new LRUCache<string, Entry>({
          maxSize: options.maxBytes,
          maxEntrySize,
          sizeCalculation: (entry, key) => entry.body.length + key.length + 64 + entry.headers.reduce((n, [k, v]) => n + k.length + String(v).length, 0),
        })
      : null;
  let currentAt = "";
  const cacheControl = sharedCacheControl(options.sMaxAge);

  const stateAt = (state: ContentState, day: string) => `${state.epoch}.${state.version}.${day}`;
  /** Answers being rendered and kept, by version and key: settled when the render ends, kept or not. */
  const rendering = new Map<string, Promise<void>>();

  return {
    stats: () => ({ entries: entries?.size ?? 0, bytes: entries?.calculatedSize ?? 0 }),

    serve(req, res, render, note = () => {}) {
      return serveOnce(req, res, render, note, false);
    },
  };

  async function serveOnce(
    req: IncomingMessage,
    res: ServerResponse,
    render: () => Promise<void>,
    note: (outcome: Outcome) => void,
    waited: boolean,
  ): Promise<void> {
    const request = classifyRequest(req.method, req.url, req.headers);
    if (request.kind === "pass") {
      note("pass");
      return render();
    }
    if (request.kind === "private") {
      // For its sender only, whatever Next or a route said: neither a proxy nor another user may be given it.
      beforeHeaders(res, () => {
        res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
        res.setHeader("Vary", mergeVary(res.getHeader("vary"), ["Cookie", "Authorization"]));
        res.removeHeader("ETag");
      });
      note("private");
      return render();
    }

    const day = today();
    const state = options.readState();
    const at = stateAt(state, day);
    if (at !== currentAt) {
      // Every answer kept so far is of an older version or day: free the memory at once rather than by LRU.
      entries?.clear();
      currentAt = at;
    }
    const etag = entityTag(state, request.key, day);
    const validators = { ETag: etag, "Last-Modified": lastModified(state), "Cache-Control": cacheControl };
    const kept = entries?.get(request.key);
    const entry = kept?.at === at ? kept : undefined;

    if (ifNoneMatchMatches(req.headers["if-none-match"], etag)) {
      // The tag is only ever given to a complete 200 of this key, version and day: the client holds this very answer.
      res.writeHead(304, { ...validators, Vary: entry?.vary ?? mergeVary(undefined, SHARED_VARY) });
      res.end();
      return note("not-modified");
    }
    if (entry) {
      if (req.method === "GET") options.onReplay?.(req.url ?? "/", String(req.headers["x-request-id"] ?? ""));
      res.statusCode = 200;
      for (const [name, value] of entry.headers) res.setHeader(name, value);
      res.setHeader("Content-Length", entry.body.length);
      res.end(req.method === "HEAD" ? undefined : entry.body);
      return note("hit");
    }

    // The same answer being rendered by this process already (readers arriving together after a write): wait for it
    // once and answer from what it kept, rather than render it again for each of them.
    const flightKey = `${at}\u0002${request.key}`;
    const flight = req.method === "GET" && !waited ? rendering.get(flightKey) : undefined;
    if (flight) {
      await flight;
      return serveOnce(req, res, render, note, true);
    }

    const requestId = String(req.headers["x-request-id"] ?? "");
    let keep = false;
    beforeHeaders(res, (status) => {
      const momentary = takeMomentary(requestId);
      if (momentary || !isKeepable(status, res.getHeaders())) return;
      keep = req.method === "GET";
      res.setHeader("ETag", etag);
      res.setHeader("Last-Modified", validators["Last-Modified"]);
      // A route that chose public caching itself (a dataset snapshot is immutable) keeps its choice; Next's default
      // for dynamic pages (`private, no-store`) and the API's `no-store` are for want of validators, which these are.
      if (!/\bpublic\b/.test(String(res.getHeader("cache-control") ?? ""))) res.setHeader("Cache-Control", cacheControl);
      res.setHeader("Vary", mergeVary(res.getHeader("vary"), SHARED_VARY));
    });
    const body = entries && req.method === "GET" ? captureBody(res, maxEntrySize) : null;
    let landed = () => {};
    if (body) rendering.set(flightKey, new Promise<void>((resolve) => (landed = resolve)));
    note("miss");
    try {
      let markedLate = false;
      try {
        await render();
      } finally {
        // A page that streams can mark itself after its headers went out: then it is still not kept.
        markedLate = takeMomentary(requestId);
      }
      if (!body) return;
      await new Promise<void>((done) => (res.writableFinished || res.closed ? done() : res.once("close", () => done())));
      const bytes = body();
      // Kept only if complete and if no write committed while it was rendered (it would be of either version).
      if (keep && !markedLate && bytes && res.writableFinished && stateAt(options.readState(), today()) === at) {
        const headers = res.getHeaders();
        entries!.set(request.key, { headers: replayableHeaders(headers), body: bytes, at, vary: String(headers.vary ?? "") });
      }
    } finally {
      if (body) {
        rendering.delete(flightKey);
        landed();
      }
    }
  }
}
