import { insertToken, revokeTokenOf } from "@/db/writes/api-tokens";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { apiTokens, auditEvents, instruments, nationalMeasures, users } from "@/db/schema";
import { listTokensOf } from "@/db/queries/api-tokens";
import { measureWriter } from "@/db/writes/measures";
import { generateToken, hashToken } from "@/server/api-tokens";
import type { Actor } from "@/lib/policy";
import { actorByEmail, payloadOf, seededInventory } from "../helpers/inventory";
import { measureInput } from "@/lib/validation/measure";

type User = Extract<Actor, { kind: "user" }>;
let h: DbHandle;
let fr: User, de: User, editor: User;
let GET: (r: Request) => Promise<Response>;
let POST: (r: Request) => Promise<Response>;
const globalForDb = globalThis as unknown as { inventoryDb?: DbHandle };

function issue(owner: User, expiresAt: string | null = null) {
  const t = generateToken();
  insertToken(h.db, owner, { name: "test", tokenHash: t.tokenHash, prefix: t.prefix, expiresAt });
  return t.token;
}

const post = (token: string | null, body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://localhost/api/v1/submissions", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const get = (token: string | null, query = "") =>
  GET(new Request(`http://localhost/api/v1/submissions${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));

function measureUpdateBody(key: string, note: string, idempotencyKey?: string) {
  const id = h.db.select({ id: nationalMeasures.id }).from(nationalMeasures).where(eq(nationalMeasures.key, key)).get()!.id;
  const { version, ...snapshot } = measureWriter.snapshot(h.db, id)! as Record<string, unknown>;
  const payload: Record<string, unknown> = { ...payloadOf(snapshot, measureInput), note };
  return {
    message: "Via the API",
    ...(idempotencyKey ? { idempotencyKey } : {}),
    changes: [{ entity: "national_measure", operation: "update", recordId: id, baseVersion: version, payload }],
  };
}

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as { status: number; title: string; type: string; errors?: Record<string, string[]> };
  expect(body).toMatchObject({ status, type: "about:blank" });
  expect(typeof body.title).toBe("string");
  return body;
}

beforeAll(async () => {
  h = seededInventory();
  globalForDb.inventoryDb = h;
  fr = actorByEmail(h, "regulator.fr@example.eu");
  de = actorByEmail(h, "regulator.de@example.eu");
  editor = actorByEmail(h, "editor@example.eu");
  ({ GET, POST } = await import("@/app/api/v1/submissions/route"));
});
afterAll(() => {
  delete globalForDb.inventoryDb;
});

describe("API tokens", () => {
  it("are random, recognisable, and stored only as their SHA-256 hash", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a.token).toMatch(/^nis_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.token.startsWith(a.prefix)).toBe(true);
    const token = issue(fr);
    const rows = h.db.select().from(apiTokens).all();
    expect(rows.some((r) => r.tokenHash === hashToken(token))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(listTokensOf(h.db, fr.id))).not.toContain("tokenHash");
    const audit = h.db.select().from(auditEvents).where(eq(auditEvents.action, "api_token.create")).all();
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("create → use → revoke: a revoked token is refused from the next request", async () => {
    const token = issue(fr);
    const created = await post(token, measureUpdateBody("fr-loi-78-17", "From the national registry."));
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: number; stateCode: string; status: string; changes: { entity: string; operation: string }[] };
    expect(body).toMatchObject({ stateCode: "FR", status: "pending" });
    expect(body.changes[0]).toMatchObject({ entity: "national_measure", operation: "update" });
    const event = h.db.select().from(auditEvents).where(eq(auditEvents.submissionId, body.id)).get()!;
    expect(event).toMatchObject({ action: "submission.create", actorId: fr.id });
    const row = h.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(token)))
      .get()!;
    expect(row.lastUsedAt).not.toBeNull();

    const listed = await get(token);
    expect(listed.status).toBe(200);
    const list = (await listed.json()) as { submissions: { id: number; stateCode: string }[] };
    expect(list.submissions.map((s) => s.id)).toContain(body.id);
    expect(list.submissions.every((s) => s.stateCode === "FR")).toBe(true);

    expect(revokeTokenOf(h.db, de, row.id)).toBe(false); // not the owner
    expect(revokeTokenOf(h.db, fr, row.id)).toBe(true);
    await expectProblem(await post(token, measureUpdateBody("fr-loi-78-17", "again")), 401);
    await expectProblem(await get(token), 401);
  });

  it("refuses missing, malformed, unknown and expired tokens, and deactivated users", async () => {
    const noAuth = await post(null, { message: "x", changes: [] });
    await expectProblem(noAuth, 401);
    expect(noAuth.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectProblem(await post("not-a-token", { message: "x", changes: [] }), 401);
    await expectProblem(await post(generateToken().token, { message: "x", changes: [] }), 401);
    await expectProblem(await post(issue(fr, new Date(Date.now() - 1000).toISOString()), { message: "x", changes: [] }), 401);
    const second = h.sqlite
      .prepare(
        "insert into users (email, name, password_hash, role, member_state_code) values ('fr-off@example.eu', 'Off', 'x', 'regulator', 'FR') returning id",
      )
      .get() as { id: number };
    const offToken = issue({ ...fr, id: second.id, email: "fr-off@example.eu" });
    h.db.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, second.id)).run();
    await expectProblem(await post(offToken, measureUpdateBody("fr-loi-78-17", "x")), 401);
  });

  it("answers bad input with problem+json: 400 with field errors, 415, never 500", async () => {
    const token = issue(fr);
    await expectProblem(await post(token, "{not json"), 400);
    await expectProblem(await post(token, { message: "x" }, { "content-type": "text/plain" }), 415);
    const invalid = await expectProblem(
      await post(token, { message: "", changes: [{ entity: "national_measure", operation: "create", payload: { stateCode: "FR", key: "Bad Key" } }] }),
      400,
    );
    expect(Object.keys(invalid.errors!)).toEqual(expect.arrayContaining(["message", "changes.0.payload.key", "changes.0.payload.titleOriginal"]));
    const wrongType = await expectProblem(await post(token, { message: 5, changes: "all" }), 400);
    expect(wrongType.errors).toHaveProperty("changes");
    await expectProblem(await post(token, { message: "x", changes: [{ entity: "users", operation: "create", payload: {} }] }), 400);
    await expectProblem(await post(token, [1, 2, 3]), 400);
    await expectProblem(await post(token, null), 400);
  });

  it("keeps a regulator to its own state: 403 for another state's payload or record, 409 for a stale version, 422 for an unknown reference", async () => {
    const token = issue(fr);
    const german = measureUpdateBody("de-bdsg-2001", "hijack");
    const byRecord = await expectProblem(await post(token, german), 403);
    expect(Object.keys(byRecord.errors!)).toContain("changes.0.payload.stateCode");
    german.changes[0]!.payload.stateCode = "FR";
    german.changes[0]!.payload.key = "fr-hijack";
    const byId = await expectProblem(await post(token, german), 403);
    expect(Object.keys(byId.errors!)).toContain("changes.0.recordId");
    const stale = measureUpdateBody("fr-loi-2000-230", "stale");
    stale.changes[0]!.baseVersion = 99;
    await expectProblem(await post(token, stale), 409);
    const unknown = measureUpdateBody("fr-loi-2000-230", "unknown instrument");
    // Directive (EU) 2019/790 (copyright in the Digital Single Market): not in the inventory.
    const notInInventory = "32019L0790";
    expect(h.db.select().from(instruments).where(eq(instruments.celex, notInInventory)).get()).toBeUndefined();
    unknown.changes[0]!.payload.instruments = [notInInventory];
    const ref = await expectProblem(await post(token, unknown), 422);
    expect(Object.keys(ref.errors!)).toContain("changes.0.payload.instruments");
    const editorToken = issue(editor);
    await expectProblem(await post(editorToken, measureUpdateBody("fr-loi-2000-230", "by editor")), 403);
    await expectProblem(await get(token, "?state=DE"), 403);
    const editorList = await get(editorToken);
    expect(editorList.status).toBe(200);
  });

  it("an idempotency key makes a retried POST create one submission; reusing it for other content is a 409", async () => {
    const token = issue(fr);
    const body = measureUpdateBody("fr-loi-2000-230", "Retry-safe", "registry-sync-2026-0001");
    const first = await post(token, body);
    expect(first.status).toBe(201);
    const again = await post(token, body);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { id: number }).id).toBe(((await first.json()) as { id: number }).id);
    await expectProblem(await post(token, { ...body, message: "Different" }), 409);
  });
});
