/**
 * No 5xx from any input: a seeded generator sends random, malformed and
 * hostile query strings, paths, headers and bodies to every GET route and to
 * the POST API, and every answer must be a 2xx–4xx with a sensible content
 * type; refused writes must leave no trace. Bounded in time; the seed is
 * printed so a failure can be replayed (FUZZ_SEED=<n>).
 */
import Database from "better-sqlite3";
import { get as httpGet } from "node:http";
import { expect, test } from "@playwright/test";
import { createRandom } from "../../scripts/synth/generate";

// One seed per day unless given: the file is loaded by several processes, which must agree on it.
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Date.now() / 86_400_000));
const CASES = Number(process.env.FUZZ_CASES ?? 2500);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 150_000);
const DB = `.e2e-${process.env.E2E_PORT ?? 3100}/inventory.sqlite`;

/** The synthetic-data generator's seeded PRNG (mulberry32), with an index picker. */
function generator(seed: number) {
  const random = createRandom(seed);
  return { next: random.next, int: (n: number) => random.int(0, n - 1), pick: random.pick };
}

const PAGES = [
  "/",
  "/lineage",
  "/instruments",
  "/instruments/31995L0046",
  "/instruments/32022L2555",
  "/member-states",
  "/member-states/FR",
  "/member-states/FR/instruments/32022L2555",
  "/measures",
  "/measures/de-bdsg-2001",
  "/transpositions",
  "/provisions",
  "/provisions/1",
  "/obligations",
  "/compare",
  "/gaps",
  "/charts",
  "/search",
  "/data",
  "/api",
  "/history/national_measure/1",
  "/sign-in",
  "/instruments/31999L0093/transposition",
  "/member-states/FR/report",
  "/member-states/FR/report.pdf",
  "/instruments/31995L0046/report",
  "/instruments/31995L0046/report.pdf",
  "/staff",
  "/submissions",
  "/account",
  "/import",
  "/changes",
  "/editions",
  "/editions/compare",
  "/editions/2026-H2",
];
const API = [
  "/api/v1/measures",
  "/api/v1/transpositions",
  "/api/v1/provisions",
  "/api/v1/obligations",
  "/api/v1/notifications",
  "/api/v1/infringements",
  "/api/v1/indicators",
  "/api/v1/member-states",
  "/api/v1/instruments",
  "/api/v1/export/measures.csv",
  "/api/v1/export/transpositions.csv",
  "/api/v1/export/indicators.csv",
  "/api/v1/charts/deficit",
  "/api/v1/charts/timeline",
  "/api/v1/national-transposition/31999L0093.csv",
  "/api/v1/dataset",
  "/api/v1/dataset/snapshots",
  "/api/v1/openapi.json",
  "/api/health",
  "/feeds/changes.atom",
  "/api/v1/submissions",
  "/search/instruments",
  "/search/obligations",
];
const NAMES = [
  "state",
  "instrument",
  "status",
  "sort",
  "q",
  "as_of",
  "page",
  "page_size",
  "limit",
  "cursor",
  "hide",
  "view",
  "map",
  "collection",
  "obligation",
  "property",
  "principal",
  "relation",
  "type",
  "sort_rows",
  "sort_cols",
  "since",
  "before",
  "edition",
  "from",
  "to",
  "bom",
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__proto__",
  "prototype",
  "__defineGetter__",
  "then",
  "length",
  "",
];
const VALUES = [
  "",
  "DE",
  "de",
  "XX",
  "31995L0046",
  "3199",
  "-1",
  "0",
  "1e309",
  "999999999999999999999",
  "NaN",
  "2001-06-06",
  "2001-02-30",
  "9999-12-31",
  "0000-00-00",
  "-state",
  "+state",
  "full",
  "FULL",
  "' OR 1=1 --",
  '"; drop table audit_events; --',
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "%",
  "%2",
  "%zz",
  "%00",
  "\u0000",
  "\uffff",
  "\ud800",
  "données",
  "προστασία",
  "🙂",
  "a".repeat(5000),
  '=HYPERLINK("x")',
  "../../etc/passwd",
  "null",
  "undefined",
  "[]",
  "{}",
  "true",
  "in-force",
  "com-2001-298",
  "all",
  "__proto__",
  "constructor",
];
const SEGMENTS = [
  "%2",
  "%E0%A4%A",
  "%zz",
  "%",
  "%C0%AF",
  "..",
  "%2e%2e",
  "<script>",
  "x".repeat(600),
  "31995L0046",
  "de-bdsg-2001",
  "%F0%9F%99%82",
  "%00",
  "NaN",
  "-1",
  "999999999999",
];

/** encodeURIComponent, except that a lone surrogate becomes the bytes of an invalid UTF-8 sequence instead of throwing. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[\ud800-\udfff]/g, "%ED%A0%80").replace(/[^%\w.~-]/g, (c) => encodeURIComponent(c));
  }
}

function randomQuery(r: ReturnType<typeof generator>): string {
  const parts: string[] = [];
  for (let i = r.int(5); i >= 0; i--) {
    const name = r.pick(NAMES);
    const value = r.pick(VALUES);
    // Sometimes raw (possibly malformed) text, sometimes properly encoded.
    parts.push(r.next() < 0.3 ? `${name}=${value}` : `${encode(name)}=${encode(value)}`);
  }
  return parts.join(r.next() < 0.1 ? ";" : "&");
}

function randomPath(r: ReturnType<typeof generator>): string {
  const base = r.pick([...PAGES, ...API]);
  const roll = r.next();
  if (roll < 0.35) return base;
  if (roll < 0.7) return `${base.replace(/\/[^/]*$/, "")}/${r.pick(SEGMENTS)}`;
  return `${base}/${r.pick(SEGMENTS)}`;
}

const HEADERS: Record<string, string>[] = [
  {},
  { Accept: "application/json" },
  { Accept: "text/csv" },
  { Accept: "*/*", "Accept-Language": "fr;q=nonsense" },
  { "If-None-Match": '"garbage"' },
  { "X-Forwarded-For": "1.2.3.4, <script>" },
  { "X-Request-Id": "../../etc" },
  { Cookie: "next-auth.session-token=forged; __Secure-next-auth.session-token=forged" },
  { Authorization: "Bearer nis_forged" },
  { Range: "bytes=999999-" },
];

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** A GET sent as written, malformed escapes and all (a browser-grade client would refuse or re-encode them). */
function sendGet(path: string, headers: Record<string, string>): Promise<{ status: number; type: string }> {
  return new Promise((resolve, reject) => {
    // maxHeaderSize as a browser allows: a sign-in redirect carries the (long) address it came from.
    const req = httpGet({ host: "127.0.0.1", port: PORT, path, headers, timeout: 30_000, maxHeaderSize: 256 * 1024 }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? "") }));
    });
    req.on("timeout", () => req.destroy(new Error(`timeout: ${path}`)));
    req.on("error", reject);
  });
}

test.describe("hostile input", () => {
  test.describe.configure({ timeout: BUDGET_MS + 60_000 });

  test("GET routes answer every random, malformed or hostile request below 500", async () => {
    const r = generator(SEED);
    const started = Date.now();
    const failures: string[] = [];
    let sent = 0;
    for (; sent < CASES && Date.now() - started < BUDGET_MS; sent++) {
      const path = randomPath(r);
      const query = r.next() < 0.8 ? randomQuery(r) : "";
      const url = `${path}${query ? `?${query}` : ""}`;
      const headers = r.pick(HEADERS);
      let outcome: { status: number; type: string };
      try {
        outcome = await sendGet(url, headers);
      } catch (error) {
        // A path or header Node's client refuses to send (a space, a control character) is not a server answer.
        if ((error as { code?: string }).code === "ERR_UNESCAPED_CHARACTERS" || (error as { code?: string }).code === "ERR_INVALID_CHAR") continue;
        throw error;
      }
      if (outcome.status >= 500) failures.push(`${outcome.status} GET ${url.slice(0, 200)} ${JSON.stringify(headers)}`);
      else if (
        outcome.status < 300 &&
        !/^(text\/html|application\/json|application\/problem\+json|text\/csv|text\/plain|application\/schema\+json|application\/atom\+xml|application\/pdf)/.test(
          outcome.type,
        )
      )
        failures.push(`content type ${JSON.stringify(outcome.type)} for ${url.slice(0, 200)}`);
      if (failures.length >= 5) break;
    }
    expect(failures, `seed ${SEED}, ${sent} requests`).toEqual([]);
    expect(sent).toBeGreaterThan(200);
  });

  test("the POST API refuses every random body without a 5xx or a write", async ({ request }) => {
    const r = generator(SEED + 1);
    const marker = `fuzz-${SEED}-${Date.now()}`;
    const bodies = [
      () => "",
      () => "{",
      () => "null",
      () => "[]",
      () => JSON.stringify({ message: marker, changes: [] }),
      () =>
        JSON.stringify({
          message: marker,
          changes: [
            {
              entity: r.pick(["national_measure", "transposition", "notification", "__proto__", "user"]),
              operation: r.pick(["create", "update", "delete", "drop"]),
              payload: { __proto__: { admin: true }, stateCode: r.pick(VALUES) },
            },
          ],
        }),
      () =>
        `{"__proto__": {"polluted": true}, "message": "${marker}", "changes": [{"entity":"national_measure","operation":"create","payload":{"constructor":{"prototype":{"x":1}}}}]}`,
      () =>
        JSON.stringify({
          message: marker.repeat(2000),
          idempotencyKey: r.pick(VALUES),
          changes: Array.from({ length: r.int(80) }, () => ({ entity: "notification", operation: "create", payload: {} })),
        }),
      () => "\u0000".repeat(100),
      () => r.pick(VALUES),
    ];
    const failures: string[] = [];
    for (let i = 0; i < 300; i++) {
      const body = r.pick(bodies)();
      const path = r.pick([
        "/api/v1/submissions",
        "/api/v1/submissions/1",
        "/api/v1/submissions/1/review",
        "/api/v1/staff/measures/1",
        "/api/v1/staff/%2/1",
        "/import/run",
        "/staff/eurlex/run",
      ]);
      const headers = {
        "Content-Type": r.pick(["application/json", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]),
        ...r.pick(HEADERS),
      };
      const method = r.pick(["POST", "PUT", "PATCH", "DELETE"] as const);
      const res = await request.fetch(path, { method, data: body, headers, maxRedirects: 0, failOnStatusCode: false });
      if (res.status() >= 500) failures.push(`${res.status()} ${method} ${path} ${body.slice(0, 120)}`);
      if (res.status() < 300 && method !== "DELETE") failures.push(`accepted ${res.status()} ${method} ${path} ${body.slice(0, 120)}`);
      if (failures.length >= 5) break;
    }
    expect(failures, `seed ${SEED}`).toEqual([]);
    const db = new Database(DB, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare("select count(*) from submissions where message like ?").pluck().get(`%${marker}%`)).toBe(0);
      expect(
        db.prepare('select count(*) from audit_events where reason like ? or cast("after" as text) like ?').pluck().get(`%${marker}%`, `%${marker}%`),
      ).toBe(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      db.close();
    }
  });

  test("a cross-origin server action is refused with 403 and a malformed path with 400", async ({ request }) => {
    const action = await request.post("/staff/measures/new", {
      headers: { "Next-Action": "0123456789abcdef", Origin: "https://attacker.example", "Content-Type": "text/plain" },
      data: "[]",
      failOnStatusCode: false,
    });
    expect(action.status()).toBe(403);
    for (const path of [
      "/measures/%2",
      "/instruments/%E0%A4%A",
      "/member-states/%zz",
      "/history/national_measure/%2",
      "/staff/measures/%2",
      "/submissions/%2",
      "/api/v1/export/%2.csv",
      "/api/v1/dataset/%2/x",
    ]) {
      const res = await request.get(path, { failOnStatusCode: false });
      expect(res.status(), path).toBe(400);
    }
    for (const qs of ["constructor=1", "toString=1", "valueOf=1", "hasOwnProperty=1", "__proto__=a"]) {
      for (const table of ["measures", "transpositions", "indicators"]) {
        const json = await request.get(`/api/v1/${table}?${qs}`, { failOnStatusCode: false });
        expect(json.status(), `${table}?${qs}`).toBe(400);
        expect(json.headers()["content-type"]).toBe("application/problem+json");
        const csv = await request.get(`/api/v1/export/${table}.csv?${qs}`, { failOnStatusCode: false });
        expect(csv.status(), `${table}.csv?${qs}`).toBe(400);
      }
    }
  });
});
