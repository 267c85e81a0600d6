/**
 * The API's route handlers through their one wrapper (server/api-route.ts): for every role, the staff edit and
 * review routes answer 401 without a token, 403 to roles the policy refuses before reading any input, 404 for a
 * route parameter that names nothing, 400 for a bad body or query, 409 for a stale version, and succeed for staff;
 * the public read routes through theirs (publicRoute) answer 404, 400 and 500 as problem+json too.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, nationalMeasures } from "@/db/schema";
import { insertToken } from "@/db/writes/api-tokens";
import { measureWriter } from "@/db/writes/measures";
import { generateToken } from "@/server/api-tokens";
import { entityDefinitions } from "@/db/entities";
import { actorByEmail, seededInventory } from "../helpers/inventory";

type Handler = (r: Request, c?: { params: Promise<Record<string, string>> }) => Promise<Response>;
let h: DbHandle;
let PUT: Handler, DELETE: Handler, REVIEW: Handler;
const tokens: Record<string, string> = {};
const globalForDb = globalThis as unknown as { inventoryDb?: DbHandle };
const ROLES = { admin: "admin@example.eu", editor: "editor@example.eu", regulator: "regulator.fr@example.eu", researcher: "researcher@example.eu" } as const;

const call = (handler: Handler, method: string, path: string, params: Record<string, string>, token: string | null, body?: unknown) =>
  handler(
    new Request(`http://localhost${path}`, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    { params: Promise.resolve(params) },
  );

function measure(key: string) {
  const id = h.db.select({ id: nationalMeasures.id }).from(nationalMeasures).where(eq(nationalMeasures.key, key)).get()!.id;
  const snapshot = measureWriter.snapshot(h.db, id)!;
  // The payload as a form would send it: the schema's own fields, from the record as it is.
  const { schema } = entityDefinitions.national_measure;
  const payload = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, (snapshot as Record<string, unknown>)[k] ?? null])) as Record<string, unknown>;
  return { id, version: snapshot.version, payload };
}

beforeAll(async () => {
  h = seededInventory();
  globalForDb.inventoryDb = h;
  for (const [role, email] of Object.entries(ROLES)) {
    const t = generateToken();
    insertToken(h.db, actorByEmail(h, email), { name: "test", tokenHash: t.tokenHash, prefix: t.prefix, expiresAt: null });
    tokens[role] = t.token;
  }
  ({ PUT, DELETE } = (await import("@/app/api/v1/staff/[entity]/[id]/route")) as unknown as { PUT: Handler; DELETE: Handler });
  ({ POST: REVIEW } = (await import("@/app/api/v1/submissions/[id]/review/route")) as unknown as { POST: Handler });
});
afterAll(() => {
  delete globalForDb.inventoryDb;
});

describe("the API's one route wrapper", () => {
  it("refuses without a token, and refuses roles the policy refuses before reading their input", async () => {
    const m = measure("at-dsg-2000");
    const params = { entity: "national_measure", id: String(m.id) };
    expect((await call(PUT, "PUT", "/x", params, null, { version: m.version, payload: m.payload })).status).toBe(401);
    for (const role of ["regulator", "researcher"] as const) {
      // Even a malformed body and a route naming nothing are refused first: the caller learns nothing about records.
      expect((await call(PUT, "PUT", "/x", params, tokens[role]!, "not json")).status, role).toBe(403);
      expect((await call(DELETE, "DELETE", "/x?version=1", params, tokens[role]!)).status, role).toBe(403);
      expect((await call(REVIEW, "POST", "/x", { id: "1" }, tokens[role]!, { decision: "approve", version: 1 })).status, role).toBe(403);
    }
  });

  it("answers 404 for a route that names nothing, 400 for a bad body or query, and problem+json for each", async () => {
    const m = measure("at-dsg-2000");
    for (const role of ["editor", "admin"] as const) {
      const token = tokens[role]!;
      const notFound = await call(PUT, "PUT", "/x", { entity: "user", id: String(m.id) }, token, { version: m.version, payload: m.payload });
      expect(notFound.status).toBe(404);
      expect(notFound.headers.get("content-type")).toBe("application/problem+json");
      expect((await call(PUT, "PUT", "/x", { entity: "national_measure", id: "0" }, token, {})).status).toBe(404);
      const badBody = await call(PUT, "PUT", "/x", { entity: "national_measure", id: String(m.id) }, token, {
        version: m.version,
        payload: { ...m.payload, language: "not a language" },
      });
      expect(badBody.status).toBe(400);
      expect(Object.keys(((await badBody.json()) as { errors: Record<string, string[]> }).errors)).toContain("payload.language");
      expect(
        (await call(PUT, "PUT", "/x", { entity: "national_measure", id: String(m.id) }, token, { version: m.version, payload: m.payload, extra: 1 })).status,
      ).toBe(400);
      expect((await call(DELETE, "DELETE", "/x?version=abc", { entity: "national_measure", id: String(m.id) }, token)).status).toBe(400);
      expect((await call(REVIEW, "POST", "/x", { id: "1" }, token, { decision: "reject", version: 1 })).status).toBe(400);
    }
  });

  it("lets staff edit with the version check and an audit event, and answers a stale version 409", async () => {
    const m = measure("at-dsg-2000");
    const params = { entity: "national_measure", id: String(m.id) };
    const ok = await call(PUT, "PUT", "/x", params, tokens.editor!, { version: m.version, payload: { ...m.payload, note: "Checked through the API." } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { note: string }).note).toBe("Checked through the API.");
    const events = h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entity, "national_measure"))
      .all()
      .filter((e) => e.recordId === String(m.id) && e.actorLabel === ROLES.editor);
    expect(events.length).toBe(1);
    const stale = await call(PUT, "PUT", "/x", params, tokens.admin!, { version: m.version, payload: { ...m.payload, note: "Late." } });
    expect(stale.status).toBe(409);
    expect(measure("at-dsg-2000").payload.note).toBe("Checked through the API.");
  });
});

describe("the public read routes through their one wrapper (publicRoute)", () => {
  const get = async (handler: Handler, path: string, params: Record<string, string> = {}) => {
    const res = await handler(new Request(`http://localhost${path}`), { params: Promise.resolve(params) });
    return { status: res.status, type: res.headers.get("content-type"), body: res.status === 200 ? null : ((await res.json()) as Record<string, unknown>) };
  };

  it("answers a route parameter naming nothing 404 and a bad query 400, each as problem+json with the parameter's message", async () => {
    const chart = (await import("@/app/api/v1/charts/[chart]/route")).GET as Handler;
    const national = (await import("@/app/api/v1/national-transposition/[file]/route")).GET as Handler;
    const csv = (await import("@/app/api/v1/export/[file]/route")).GET as Handler;
    const measures = (await import("@/app/api/v1/measures/route")).GET as Handler;
    expect(await get(chart, "/api/v1/charts/deficit", { chart: "deficit" })).toMatchObject({ status: 200 });
    expect(await get(chart, "/api/v1/charts/nonsense", { chart: "nonsense" })).toMatchObject({ status: 404, type: "application/problem+json" });
    const unknown = await get(chart, "/api/v1/charts/deficit?colour=red", { chart: "deficit" });
    expect(unknown).toMatchObject({ status: 400, type: "application/problem+json", body: { errors: { colour: [expect.stringContaining("as_of")] } } });
    expect(await get(chart, "/api/v1/charts/deficit?as_of=yesterday", { chart: "deficit" })).toMatchObject({
      status: 400,
      body: { errors: { _query: [expect.any(String)] } },
    });
    expect(await get(national, "/api/v1/national-transposition/31995L0046.csv?sort=delay", { file: "31995L0046.csv" })).toMatchObject({ status: 200 });
    expect(await get(national, "/api/v1/national-transposition/31995L0046.csv?sort=colour", { file: "31995L0046.csv" })).toMatchObject({ status: 400 });
    expect(await get(national, "/api/v1/national-transposition/nonsense", { file: "nonsense" })).toMatchObject({ status: 404 });
    expect(await get(national, "/api/v1/national-transposition/31999L9999.csv", { file: "31999L9999.csv" })).toMatchObject({ status: 404 });
    expect(await get(csv, "/api/v1/export/users.csv", { file: "users.csv" })).toMatchObject({ status: 404, type: "application/problem+json" });
    expect(await get(measures, "/api/v1/measures?state=xyz")).toMatchObject({ status: 400, body: { errors: { state: [expect.any(String)] } } });
  });

  it("answers a failure while reading with a 500 problem that names the request, never the error", async () => {
    const { publicRoute } = await import("@/server/api-route");
    const failing = publicRoute({}, () => {
      throw new Error("SQLITE_CORRUPT: secret detail");
    }) as Handler;
    const res = await failing(new Request("http://localhost/x", { headers: { "x-request-id": "req-public-1" } }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 500, requestId: "req-public-1", detail: "Something went wrong reading the inventory." });
    expect(text).not.toContain("SQLITE");
  });
});
