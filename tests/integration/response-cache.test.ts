/**
 * The response cache (server/cache/responses.ts) in front of the real JSON API and CSV export handlers, on a seeded
 * database: a write through each path — a direct edit (what the staff form's server action and a restore run), an
 * approved submission, a CSV import, a EUR-Lex import, another process, a restore of a backup — is seen by the next
 * anonymous read, with a new ETag; nothing changes while nothing is written. The pages are the browser story's
 * (tests/e2e/response-cache.spec.ts), with the multi-worker server.
 */
import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { publishedVersion } from "@/db/cache/content-version";
import { backupDatabase, restoreDatabase } from "@/db/backup";
import { auditEvents, nationalMeasures } from "@/db/schema";
import { updateRecord } from "@/db/writes/entity";
import { measureWriter } from "@/db/writes/measures";
import { approveSubmission, createSubmission } from "@/db/writes/submissions";
import { inputFromSnapshot } from "@/db/entities";
import type { Actor } from "@/lib/policy";
import { submissionInput } from "@/lib/validation/submission";
import { createResponseCache, type Outcome, type ResponseCache } from "@/server/cache/responses";
import { markMomentary } from "@/server/cache/momentary";
import { applyFetched, fetchForImport } from "@/server/eurlex/import";
import { csvRoute, listRoute } from "@/server/export/handlers";
import { recordReplayedCsvExport } from "@/server/export/audit";
import { streamImport } from "@/server/import/run";
import { actorByEmail, seededInventory } from "../helpers/inventory";
import { tempPath } from "../helpers/db";
import { startCellarServer, type CellarServer } from "../support/cellar-server";

type User = Extract<Actor, { kind: "user" }>;
const globalForDb = globalThis as unknown as { inventoryDb?: DbHandle };
let h: DbHandle;
let editor: User;
let server: Server;
let base: string;
let cache: ResponseCache;
let cellar: CellarServer;
const outcomes = new Map<string, Outcome>();
let requestCount = 0;
let slowRenders = 0;

/** What the app's routes would answer, and a few answers the cache must not keep. */
async function render(url: URL, requestId: string): Promise<Response> {
  const request = new Request(url, { headers: { "x-request-id": requestId } });
  if (url.pathname.startsWith("/api/v1/export/")) return csvRoute(request, { params: Promise.resolve({ file: url.pathname.slice("/api/v1/export/".length) }) });
  if (url.pathname === "/api/v1/measures") return listRoute("measures")(request);
  if (url.pathname === "/api/v1/transpositions") return listRoute("transpositions")(request);
  if (url.pathname === "/cookie") return new Response("hello", { headers: { "Set-Cookie": "a=b" } });
  if (url.pathname === "/momentary") {
    markMomentary(requestId);
    return new Response(`being computed ${requestId}`);
  }
  if (url.pathname === "/whoami") return new Response(`answer ${requestId}`);
  if (url.pathname === "/slow") {
    slowRenders++;
    await new Promise((r) => setTimeout(r, 300));
    return new Response(`slow ${requestId}`);
  }
  if (url.pathname === "/immutable") return new Response("snapshot", { headers: { "Cache-Control": "public, max-age=31536000, immutable" } });
  return new Response("no such page", { status: 404 });
}

beforeAll(async () => {
  h = seededInventory();
  globalForDb.inventoryDb = h;
  editor = actorByEmail(h, "editor@example.eu");
  cellar = await startCellarServer();
  cache = createResponseCache({
    maxBytes: 16 * 1024 * 1024,
    sMaxAge: 1,
    readState: () => publishedVersion(globalForDb.inventoryDb!.db),
    // As scripts/server.ts wires it.
    onReplay: (url, requestId) => void recordReplayedCsvExport(globalForDb.inventoryDb!.db, url, requestId),
  });
  server = createServer((req, res) => {
    const requestId = `r${++requestCount}`;
    req.headers["x-request-id"] = requestId;
    void cache.serve(
      req,
      res,
      async () => {
        const response = await render(new URL(req.url!, "http://localhost"), requestId);
        res.statusCode = response.status;
        response.headers.forEach((value, name) => res.setHeader(name, value));
        res.end(Buffer.from(await response.arrayBuffer()));
      },
      (outcome) => outcomes.set(requestId, outcome),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await cellar.close();
  delete globalForDb.inventoryDb;
});

async function read(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers });
  const body = await response.text();
  const requestId = `r${requestCount}`;
  return { status: response.status, etag: response.headers.get("etag"), headers: response.headers, body, outcome: outcomes.get(requestId) };
}

/** Reads each URL until it is answered from the cache, writes, and expects each next read to be rendered anew with the write in it. */
async function expectSeenAfter(urls: Record<string, string | null>, write: () => Promise<void> | void) {
  const before = new Map<string, { etag: string | null; body: string }>();
  for (const url of Object.keys(urls)) {
    const first = await read(url);
    expect(first.status, url).toBe(200);
    const again = await read(url);
    expect(again.outcome, `${url} is kept while nothing changes`).toBe("hit");
    expect(again.etag).toBe(first.etag);
    expect(again.body).toBe(first.body);
    before.set(url, { etag: first.etag, body: first.body });
  }
  await write();
  for (const [url, marker] of Object.entries(urls)) {
    const after = await read(url);
    expect(after.outcome, url).toBe("miss");
    expect(after.etag, url).not.toBe(before.get(url)!.etag);
    if (marker) {
      expect(before.get(url)!.body, url).not.toContain(marker);
      expect(after.body, url).toContain(marker);
    }
  }
}

const measureId = (key: string) => h.db.select({ id: nationalMeasures.id }).from(nationalMeasures).where(eq(nationalMeasures.key, key)).get()!.id;

describe("HTTP validators", () => {
  it("gives a strong ETag, Last-Modified and a shared Cache-Control, and answers If-None-Match with 304", async () => {
    const first = await read("/api/v1/measures?state=DE");
    expect(first.etag).toMatch(/^"[0-9a-f]{16}-\d+-\d{8}-[A-Za-z0-9_-]{22}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=1, must-revalidate");
    expect(first.headers.get("last-modified")).toMatch(/ GMT$/);
    expect(first.headers.get("vary")).toContain("Cookie");
    const revalidated = await read("/api/v1/measures?state=DE", { "if-none-match": first.etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe("");
    expect(revalidated.etag).toBe(first.etag);
    const other = await read("/api/v1/measures?state=DE", { "if-none-match": '"something-else"' });
    expect(other.status).toBe(200);
  });

  it("answers a signed-in request for its sender only, and the next anonymous one with the anonymous answer", async () => {
    const anonymous = await read("/whoami");
    const signedIn = await read("/whoami", { cookie: "next-auth.session-token=abc" });
    expect(signedIn.outcome).toBe("private");
    expect(signedIn.body).not.toBe(anonymous.body);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.etag).toBeNull();
    const bearer = await read("/whoami", { authorization: "Bearer nis_x" });
    expect(bearer.outcome).toBe("private");
    const after = await read("/whoami");
    expect(after.outcome).toBe("hit");
    expect(after.body).toBe(anonymous.body);
  });

  it("renders an answer once for readers arriving together, and gives each of them the same", async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => fetch(`${base}/slow`).then(async (r) => ({ etag: r.headers.get("etag"), body: await r.text() }))),
    );
    expect(slowRenders).toBe(1);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
  });

  it("audits a CSV export replayed from the cache as one rendered, with its filters, and does not change the version", async () => {
    const exports = () => h.db.select().from(auditEvents).where(eq(auditEvents.entity, "export")).all();
    const before = exports().length;
    const version = publishedVersion(h.db).version;
    const url = "/api/v1/export/measures.csv?state=AT&as_of=2020-01-01";
    const rendered = await read(url);
    const replayed = await read(url);
    expect(replayed.outcome).toBe("hit");
    expect(replayed.body).toBe(rendered.body);
    const events = exports().slice(before);
    expect(events).toHaveLength(2);
    expect(events[1]!.requestId).toBe(`r${requestCount}`);
    expect(events[1]!.after).toEqual({ table: "measures", query: "state=AT&as_of=2020-01-01", asOf: "2020-01-01", fromCache: true });
    expect(events[0]!.after).toEqual({ table: "measures", query: "state=AT&as_of=2020-01-01", asOf: "2020-01-01" });
    // A HEAD takes nothing out; the page and JSON reads are not exports.
    await fetch(base + url, { method: "HEAD" });
    expect((await read("/api/v1/measures?state=AT")).status).toBe(200);
    expect((await read("/api/v1/measures?state=AT")).outcome).toBe("hit");
    expect(exports().length).toBe(before + 2);
    expect(publishedVersion(h.db).version).toBe(version);
  });

  it("keeps a route's own public Cache-Control (an immutable snapshot) while adding validators", async () => {
    const first = await read("/immutable");
    expect(first.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(first.etag).not.toBeNull();
    expect((await read("/immutable")).outcome).toBe("hit");
  });

  it("keeps no answer that sets a cookie, is not a 200, or holds for the moment only", async () => {
    for (const path of ["/cookie", "/missing", "/momentary"]) {
      const first = await read(path);
      expect(first.etag, path).toBeNull();
      expect((await read(path)).outcome, path).toBe("miss");
    }
    expect((await read("/momentary")).body).toMatch(/^being computed r\d+$/);
  });
});

describe("a write through each path is seen by the next anonymous read", () => {
  it("a direct edit (the staff form's server action, a restore)", async () => {
    await expectSeenAfter(
      { "/api/v1/measures?state=DE": "Edited for the cache test", "/api/v1/export/measures.csv?state=DE": "Edited for the cache test" },
      () => {
        const snapshot = measureWriter.snapshot(h.db, measureId("de-ttdsg-2021"))!;
        const parsed = inputFromSnapshot("national_measure", snapshot);
        if (!parsed.success) throw parsed.error;
        const input = { ...(parsed.data as Record<string, unknown>), titleEnglish: "Edited for the cache test" };
        updateRecord(h.db, measureWriter, snapshot.id, snapshot.version, input as never, { actor: editor, requestId: "t1" });
      },
    );
  });

  it("an approved submission", async () => {
    const fr = actorByEmail(h, "regulator.fr@example.eu");
    const payload = {
      stateCode: "FR",
      key: "fr-cache-test-decree",
      titleOriginal: "Décret du test du cache",
      titleEnglish: null,
      titleEnglishIsWorkingTranslation: false,
      language: "fr",
      type: "decree",
      status: "in_force",
      instruments: ["31995L0046"],
      sourceMethod: "desk_research",
      verification: "unverified",
    };
    const { submission } = createSubmission(
      h.db,
      fr,
      submissionInput.parse({ message: "A decree", changes: [{ entity: "national_measure", operation: "create", payload }] }),
    );
    await expectSeenAfter({ "/api/v1/measures?state=FR": "fr-cache-test-decree", "/api/v1/export/measures.csv?state=FR": "fr-cache-test-decree" }, () => {
      approveSubmission(h.db, editor, submission.id, submission.version, { requestId: "t2" });
    });
  });

  it("a CSV import", async () => {
    const file = new Blob(["article,national_provision,status,relation,note\r\n16,§ 5 BDSG cache test,full,equal,\r\n"], { type: "text/csv" });
    await expectSeenAfter(
      {
        "/api/v1/transpositions?state=DE&instrument=31995L0046&as_of=2010-01-01": "§ 5 BDSG cache test",
        "/api/v1/export/transpositions.csv?state=DE&instrument=31995L0046&as_of=2010-01-01": "§ 5 BDSG cache test",
      },
      async () => {
        // The import route's own work (its caller, form and policy are app/import/run/route.ts's, tested elsewhere).
        const response = await streamImport(h.db, editor, { mode: "apply", state: "DE", instrument: "31995L0046", file, locale: "en" }, "t3");
        expect(await response.text()).toContain('"type":"applied"');
      },
    );
  });

  it("a EUR-Lex import", async () => {
    const fetched = await fetchForImport("32002L0058", {
      endpoint: cellar.url,
      pageSize: 5,
      timeoutMs: 5000,
      retries: 0,
      backoffMs: 0,
      maxBytes: 10 * 1024 * 1024,
    });
    await expectSeenAfter({ "/api/v1/measures?instrument=32002L0058": null, "/api/v1/export/measures.csv?instrument=32002L0058": null }, () => {
      const { result } = applyFetched(h.db, editor, fetched);
      expect(result.created + result.updated).toBeGreaterThan(0);
    });
  });

  it("another process (a CLI script, another server worker)", async () => {
    await expectSeenAfter(
      { "/api/v1/measures?state=DE": "Written by another process", "/api/v1/export/measures.csv?state=DE": "Written by another process" },
      () => {
        const script = `const D = require("better-sqlite3"); const db = new D(process.argv[1]); db.pragma("busy_timeout = 5000");
        db.prepare("update national_measures set title_english = 'Written by another process' where key = 'de-ttdsg-2021'").run(); db.close();`;
        execFileSync(process.execPath, ["-e", script, h.path], { cwd: process.cwd() });
      },
    );
  });

  it("a restore of a backup: the same version number in another file never passes for this one's", async () => {
    const backup = tempPath("backup.sqlite");
    await backupDatabase(h.sqlite, backup);
    const atBackup = await read("/api/v1/measures?state=DE");
    await expectSeenAfter({ "/api/v1/measures?state=DE": "Before the restore" }, () => {
      h.sqlite.prepare("update national_measures set title_english = 'Before the restore' where key = 'de-ttdsg-2021'").run();
    });
    h.sqlite.close();
    restoreDatabase(backup, h.path);
    const restored = openDatabase(h.path);
    globalForDb.inventoryDb = restored;
    const after = await read("/api/v1/measures?state=DE");
    expect(after.outcome).toBe("miss");
    expect(after.body).not.toContain("Before the restore");
    expect(after.body).toBe(atBackup.body);
    expect(after.etag).not.toBe(atBackup.etag);
    h = restored;
  });
});
