/**
 * The rules of the response cache and of HTTP caching, without a server: which requests share answers, under which
 * key, with which validators and headers. server/cache/responses.ts keeps and replays the answers by these rules.
 *
 * An answer is shared only by anonymous readers: a request carrying a session cookie or an Authorization header is
 * answered for its sender alone (`private, no-store`), never from the shared cache nor into it. The key holds
 * everything a public answer depends on besides the inventory's content: the path (which will carry the language
 * prefix), the query in a normal order, the encodings the client accepts (Next compresses) and the headers of Next's
 * client-side navigation (an RSC payload is not the page's HTML). The content enters through the version, the day
 * (today is every view's default "as of") through the date.
 */
import { createHash } from "node:crypto";

/** Routes whose answers depend on who asks, or which change state, or stream progress: never shared. */
const PRIVATE_PREFIXES = ["/staff", "/submissions", "/account", "/history", "/sign-in", "/api/auth", "/api/health", "/import"];

/** Request headers Next's App Router answers differently for (its responses `Vary` on them). */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-segment-prefetch", "next-router-state-tree", "next-url"] as const;

/** Next adds this to client-side navigation requests as a cache-buster; the router headers above are what it stands for. */
const RSC_CACHE_BUSTER = "_rsc";

export type RequestHeaders = Record<string, string | string[] | undefined>;

export type RequestClass =
  /** An anonymous read that any other anonymous reader with the same key may be given. */
  | { kind: "shared"; key: string }
  /** Signed in (session cookie or Authorization): answered for this sender only. */
  | { kind: "private" }
  /** Neither: a write, a route that is never shared, a static file (Next sets its own caching). */
  | { kind: "pass" };

function header(headers: RequestHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

/** next-auth's session cookie, in any of its forms (`__Secure-` prefixed, split in chunks `.0`, `.1`). */
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-|__Host-)?next-auth\.session-token(?:\.\d+)?=/;

export function isSignedInRequest(headers: RequestHeaders): boolean {
  return header(headers, "authorization") !== "" || SESSION_COOKIE.test(header(headers, "cookie"));
}

/** The query with its parameters in order of name (the values of one name keep their order: it can matter), without Next's cache-buster. */
export function normaliseQuery(search: string): string {
  const params = [...new URLSearchParams(search)].filter(([name]) => name !== RSC_CACHE_BUSTER);
  params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new URLSearchParams(params).toString();
}

function isPrivatePath(path: string): boolean {
  return PRIVATE_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`));
}

/** Next's built files: named by their content and served `immutable` by Next, to anyone. */
const STATIC_PREFIX = "/_next/";

export function classifyRequest(method: string | undefined, url: string | undefined, headers: RequestHeaders): RequestClass {
  if (url?.startsWith(STATIC_PREFIX)) return { kind: "pass" };
  if (isSignedInRequest(headers)) return { kind: "private" };
  if ((method !== "GET" && method !== "HEAD") || !url?.startsWith("/") || header(headers, "next-action") !== "") return { kind: "pass" };
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (isPrivatePath(path)) return { kind: "pass" };
  const query = q === -1 ? "" : normaliseQuery(url.slice(q + 1));
  const encoding = header(headers, "accept-encoding").toLowerCase().replace(/\s+/g, "");
  const router = ROUTER_HEADERS.map((name) => header(headers, name)).join("\u0000");
  return { kind: "shared", key: `${path}?${query}\u0001${encoding}\u0001${router}` };
}

/** What the content is at: see db/cache/content-version.ts (publishedVersion). */
export interface ContentState {
  epoch: string;
  version: number;
  changedAt: string;
}

/** A strong validator: the same bytes for the same key, version and day, and only then (the encoding is in the key). */
export function entityTag(state: ContentState, key: string, today: string): string {
  const digest = createHash("sha256").update(key).digest("base64url").slice(0, 22);
  return `"${state.epoch}-${state.version}-${today.replaceAll("-", "")}-${digest}"`;
}

/** If-None-Match's weak comparison (RFC 9110 §13.1.2): `*`, or one of the listed tags with or without `W/`. */
export function ifNoneMatchMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/** Last-Modified: the latest change, in HTTP's date format (whole seconds). */
export function lastModified(state: ContentState): string {
  return new Date(state.changedAt).toUTCString();
}

/**
 * Shared caches may keep an anonymous answer for `sMaxAge` seconds and must then revalidate it (a 304 costs the app a
 * version read, no rendering); browsers revalidate every time. nginx does not store an answer whose s-maxage is 0, so
 * the least is 1 s: how stale a proxy may be after a write.
 */
export function sharedCacheControl(sMaxAge: number): string {
  return `public, max-age=0, s-maxage=${Math.max(1, Math.floor(sMaxAge))}, must-revalidate`;
}

export const PRIVATE_CACHE_CONTROL = "private, no-store";

/** The answer differs with these request headers besides the URL; merged into what Next already varies on. */
export const SHARED_VARY = ["Cookie", "Authorization", "Accept-Encoding"];

export function mergeVary(existing: string | number | string[] | undefined, add: readonly string[]): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const name of [...String(Array.isArray(existing) ? existing.join(",") : (existing ?? "")).split(","), ...add]) {
    const trimmed = name.trim();
    if (trimmed && !seen.has(trimmed.toLowerCase())) {
      seen.add(trimmed.toLowerCase());
      names.push(trimmed);
    }
  }
  return names.join(", ");
}

/** Headers that belong to one delivery, not to the answer: a replay sets its own. */
const DELIVERY_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "x-request-id", "set-cookie"]);

/** The headers of an answer worth replaying, as name → value(s). */
export function replayableHeaders(headers: Record<string, string | number | string[] | undefined>): [string, string | string[]][] {
  const out: [string, string | string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || DELIVERY_HEADERS.has(name.toLowerCase())) continue;
    out.push([name, Array.isArray(value) ? value : String(value)]);
  }
  return out;
}

/** Only a complete 200 without a cookie is kept: an error, a redirect, a cookie being set are answers for one moment or one client. */
export function isKeepable(status: number, headers: Record<string, string | number | string[] | undefined>): boolean {
  if (status !== 200 || headers["set-cookie"] !== undefined) return false;
  const type = String(headers["content-type"] ?? "");
  // Progress streams are answers for one moment. (Next marks every dynamic answer `no-store` and the API and CSV
  // exports say so too, for want of validators: that is not a reason, so Cache-Control is not read here.)
  return !type.includes("ndjson") && !type.includes("event-stream");
}
