import { describe, expect, it } from "vitest";
import {
  classifyRequest,
  entityTag,
  ifNoneMatchMatches,
  isKeepable,
  isSignedInRequest,
  lastModified,
  mergeVary,
  normaliseQuery,
  replayableHeaders,
  sharedCacheControl,
} from "@/lib/response-cache";

const state = { epoch: "0123456789abcdef", version: 42, changedAt: "2026-12-07T02:58:38.123Z" };
const keyOf = (url: string, headers: Record<string, string> = {}) => {
  const c = classifyRequest("GET", url, headers);
  if (c.kind !== "shared") throw new Error(`${url} is ${c.kind}`);
  return c.key;
};

describe("which requests share answers", () => {
  it("shares anonymous reads of pages, the API and CSV exports", () => {
    for (const url of ["/", "/measures?state=DE", "/api/v1/measures?state=DE", "/api/v1/export/measures.csv", "/member-states/DE", "/staffing"])
      expect(classifyRequest("GET", url, {}).kind, url).toBe("shared");
    expect(classifyRequest("HEAD", "/", {}).kind).toBe("shared");
  });

  it("answers a request with a session cookie or an Authorization header for its sender only", () => {
    expect(classifyRequest("GET", "/", { cookie: "next-auth.session-token=abc" }).kind).toBe("private");
    expect(classifyRequest("GET", "/", { cookie: "theme=dark; __Secure-next-auth.session-token.0=abc" }).kind).toBe("private");
    expect(classifyRequest("GET", "/api/v1/measures", { authorization: "Bearer nis_x" }).kind).toBe("private");
    // Other cookies (next-auth's CSRF cookie, say) do not make a reader someone.
    expect(classifyRequest("GET", "/", { cookie: "next-auth.csrf-token=abc; next-auth.callback-url=x" }).kind).toBe("shared");
    expect(isSignedInRequest({ cookie: "my-next-auth.session-token-ish=1" })).toBe(false);
  });

  it("never shares writes, server actions, signed-in areas, auth, health, imports; leaves Next's static files to Next", () => {
    expect(classifyRequest("POST", "/measures", {}).kind).toBe("pass");
    expect(classifyRequest("GET", "/measures", { "next-action": "abc" }).kind).toBe("pass");
    for (const url of [
      "/staff",
      "/staff/audit",
      "/submissions/new",
      "/account/tokens",
      "/api/auth/session",
      "/api/health",
      "/history/x/1",
      "/sign-in",
      "/import",
    ])
      expect(classifyRequest("GET", url, {}).kind, url).toBe("pass");
    expect(classifyRequest("GET", "/_next/static/chunks/a.js", { cookie: "next-auth.session-token=abc" }).kind).toBe("pass");
    expect(classifyRequest("GET", "http://evil/", {}).kind).toBe("pass");
  });
});

describe("the key", () => {
  it("orders the query's parameters by name and keeps the order of one name's values", () => {
    expect(normaliseQuery("state=FR&page=2&state=DE")).toBe("page=2&state=FR&state=DE");
    expect(keyOf("/measures?b=1&a=2")).toBe(keyOf("/measures?a=2&b=1"));
    expect(keyOf("/measures?state=DE&state=FR")).not.toBe(keyOf("/measures?state=FR&state=DE"));
  });

  it("tells paths, queries, encodings and Next's navigation requests apart", () => {
    const page = keyOf("/measures?state=DE");
    expect(keyOf("/fr/measures?state=DE")).not.toBe(page);
    expect(keyOf("/measures?state=FR")).not.toBe(page);
    expect(keyOf("/measures?state=DE", { "accept-encoding": "gzip" })).not.toBe(page);
    expect(keyOf("/measures?state=DE", { "accept-encoding": "gzip, br" })).toBe(keyOf("/measures?state=DE", { "accept-encoding": "GZIP,BR" }));
    expect(keyOf("/measures?state=DE&_rsc=x1", { rsc: "1" })).not.toBe(page);
    // Next's cache-buster stands for the router headers, which are in the key already.
    expect(keyOf("/measures?state=DE&_rsc=x1", { rsc: "1" })).toBe(keyOf("/measures?state=DE&_rsc=y2", { rsc: "1" }));
    expect(keyOf("/measures", { rsc: "1", "next-router-state-tree": "a" })).not.toBe(keyOf("/measures", { rsc: "1", "next-router-state-tree": "b" }));
  });
});

describe("validators and headers", () => {
  it("makes a strong ETag of the epoch, version, day and key, changing with each", () => {
    const key = keyOf("/measures");
    const tag = entityTag(state, key, "2026-12-07");
    expect(tag).toMatch(/^"0123456789abcdef-42-20261207-[A-Za-z0-9_-]{22}"$/);
    expect(entityTag(state, key, "2026-12-07")).toBe(tag);
    expect(entityTag({ ...state, version: 43 }, key, "2026-12-07")).not.toBe(tag);
    expect(entityTag({ ...state, epoch: "fedcba9876543210" }, key, "2026-12-07")).not.toBe(tag);
    expect(entityTag(state, key, "2026-12-08")).not.toBe(tag);
    expect(entityTag(state, keyOf("/measures?page=2"), "2026-12-07")).not.toBe(tag);
  });

  it("compares If-None-Match weakly, in lists and with *", () => {
    const tag = '"a-1-20261207-x"';
    expect(ifNoneMatchMatches(tag, tag)).toBe(true);
    expect(ifNoneMatchMatches(`"other", W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchMatches("*", tag)).toBe(true);
    expect(ifNoneMatchMatches('"a-2-20261207-x"', tag)).toBe(false);
    expect(ifNoneMatchMatches(undefined, tag)).toBe(false);
  });

  it("says Last-Modified in HTTP's date format", () => {
    expect(lastModified(state)).toBe("Mon, 07 Dec 2026 02:58:38 GMT");
  });

  it("lets shared caches keep an answer at least a second and revalidate it", () => {
    expect(sharedCacheControl(1)).toBe("public, max-age=0, s-maxage=1, must-revalidate");
    expect(sharedCacheControl(0)).toBe("public, max-age=0, s-maxage=1, must-revalidate");
    expect(sharedCacheControl(30)).toBe("public, max-age=0, s-maxage=30, must-revalidate");
  });

  it("merges Vary without repeating a name", () => {
    expect(mergeVary("rsc, Accept-Encoding", ["Cookie", "accept-encoding"])).toBe("rsc, Accept-Encoding, Cookie");
    expect(mergeVary(undefined, ["Cookie"])).toBe("Cookie");
  });

  it("keeps only complete 200s without a cookie and not progress streams", () => {
    expect(isKeepable(200, { "content-type": "text/html", "cache-control": "private, no-cache, no-store" })).toBe(true);
    expect(isKeepable(200, { "content-type": "text/html", "set-cookie": ["a=b"] })).toBe(false);
    expect(isKeepable(404, { "content-type": "text/html" })).toBe(false);
    expect(isKeepable(307, {})).toBe(false);
    expect(isKeepable(200, { "content-type": "application/x-ndjson; charset=utf-8" })).toBe(false);
  });

  it("replays an answer's own headers, not those of its delivery", () => {
    const kept = replayableHeaders({
      "content-type": "text/csv",
      "content-security-policy": "default-src 'self'",
      "x-request-id": "r1",
      date: "x",
      "transfer-encoding": "chunked",
      "content-length": 10,
      etag: '"t"',
    });
    expect(Object.fromEntries(kept)).toEqual({ "content-type": "text/csv", "content-security-policy": "default-src 'self'", etag: '"t"' });
  });
});
