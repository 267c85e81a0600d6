/**
 * Every mutation the UI can send, called as the server action itself (not
 * through the UI), for every kind of actor: the policy decides on the
 * server, and a refused call writes nothing.
 */
import bcrypt from "bcryptjs";
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { tempPath } from "../helpers/db";

class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

let currentActor: import("@/lib/policy").Actor = { kind: "anonymous" };
vi.mock("@/server/auth/actor", () => ({ getActor: async () => currentActor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-request-id": "test-request-id" }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof RedirectSignal) throw error;
  },
}));

const PASSWORD = "a long enough password";
process.env.INVENTORY_DB_PATH = tempPath();

const { prepareDatabase } = await import("@/server/setup");
prepareDatabase(process.env.INVENTORY_DB_PATH, { demoAccounts: false });
const { getDb } = await import("@/db/client");
const schema = await import("@/db/schema");
const staff = await import("@/app/staff/actions");
const usersActions = await import("@/app/staff/users/actions");
const account = await import("@/app/account/actions");
const history = await import("@/app/history/actions");
const editionsActions = await import("@/app/editions/actions");
const { createRecord } = await import("@/db/writes/entity");
const { measureWriter } = await import("@/db/writes/measures");
const { transpositionWriter } = await import("@/db/writes/transpositions");
const { lineageWriter } = await import("@/db/writes/lineage");
const { lineageInput } = await import("@/lib/validation/lineage");
const { IDLE } = await import("@/server/action");
const { measureInput } = await import("@/lib/validation/measure");
const { transpositionInput } = await import("@/lib/validation/transposition");
type Actor = import("@/lib/policy").Actor;
type ActionFn = (s: typeof IDLE, f: FormData) => Promise<import("@/server/action").ActionState>;

const db = getDb();
const actors: Record<string, Actor> = { anonymous: { kind: "anonymous" } };
const hash = bcrypt.hashSync(PASSWORD, 12);
for (const [who, role, state] of [
  ["researcher", "researcher", null],
  ["regulator (FR)", "regulator", "FR"],
  ["regulator (DE)", "regulator", "DE"],
  ["editor", "editor", null],
  ["admin", "admin", null],
] as const) {
  const email = `${who.replace(/\W+/g, "-").toLowerCase()}@example.eu`;
  const id = db.insert(schema.users).values({ email, name: who, role, memberStateCode: state, passwordHash: hash }).returning().get().id;
  actors[who] = { kind: "user", id, email, name: who, role, memberStateCode: state };
}
const system = actors.admin!;

let counter = 0;
const unique = () => `${Date.now().toString(36)}-${++counter}`;
const form = (fields: Record<string, string | string[] | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) f.append(k, String(item));
  return f;
};
const measureFields = (key: string) => ({
  stateCode: "FR",
  key,
  titleOriginal: "Loi de test",
  language: "fr",
  type: "act",
  status: "in_force",
  instruments: ["31995L0046"],
  sourceMethod: "desk_research",
  verification: "unverified",
});
const freshMeasure = () => createRecord(db, measureWriter, measureInput.parse(measureFields(`fr-test-${unique()}`)), { actor: system });
const freeProvision = (state: string) =>
  db
    .select({ id: schema.provisions.id })
    .from(schema.provisions)
    .leftJoin(schema.transpositions, and(eq(schema.transpositions.provisionId, schema.provisions.id), eq(schema.transpositions.stateCode, state)))
    .where(isNull(schema.transpositions.id))
    .get()!.id;
const freshTransposition = () =>
  createRecord(
    db,
    transpositionWriter,
    transpositionInput.parse({
      stateCode: "FR",
      provisionId: freeProvision("FR"),
      status: "unknown",
      sourceMethod: "desk_research",
      verification: "unverified",
    }),
    { actor: system },
  );
const notificationFree = () =>
  db
    .select({ code: schema.memberStates.code })
    .from(schema.memberStates)
    .where(
      sql`not exists (select 1 from notifications n join instruments i on i.id = n.instrument_id where n.state_code = ${schema.memberStates.code} and i.celex = '31990L0388')`,
    )
    .get()!.code;
// Relations to the newest instrument (nothing descends from it, so none can close a cycle), a fresh pair each time.
const NEWEST = "32024R1183";
const recorded = new Set(
  db.$client
    .prepare(
      "select i.celex || '|' || l.relation from instrument_lineage l join instruments i on i.id = l.instrument_id join instruments s on s.id = l.successor_id where s.celex = ?",
    )
    .pluck()
    .all(NEWEST) as string[],
);
const lineagePairs = db
  .select({ celex: schema.instruments.celex })
  .from(schema.instruments)
  .where(sql`${schema.instruments.celex} <> ${NEWEST}`)
  .all()
  .flatMap(({ celex }) => (["replaced_by", "amended_by"] as const).map((relation) => ({ instrument: celex, relation, successor: NEWEST })))
  .filter((p) => !recorded.has(`${p.instrument}|${p.relation}`));
const lineageFields = () => ({ ...lineagePairs.shift()!, sourceMethod: "eur_lex", verification: "unverified" });
const freshLineage = () => createRecord(db, lineageWriter, lineageInput.parse(lineageFields()), { actor: system });
const someResearcher = () => db.select().from(schema.users).where(eq(schema.users.role, "researcher")).get()!;
const anUpdateEvent = () => {
  const m = freshMeasure();
  return db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.entity, "national_measure"), eq(schema.auditEvents.recordId, String(m.id))))
    .get()!;
};

/** Each mutation with a way to build a valid request for it. */
const MUTATIONS: Record<string, { action: ActionFn; allowed: string[]; request: (who: string) => FormData }> = {
  createMeasure: { action: staff.createMeasure, allowed: ["editor", "admin"], request: () => form(measureFields(`fr-new-${unique()}`)) },
  updateMeasure: {
    action: staff.updateMeasure,
    allowed: ["editor", "admin"],
    request: () => {
      const m = freshMeasure();
      return form({ ...measureFields(String(m.key)), note: "edited", id: m.id, version: m.version });
    },
  },
  deleteMeasure: {
    action: staff.deleteMeasure,
    allowed: ["editor", "admin"],
    request: () => {
      const m = freshMeasure();
      return form({ id: m.id, version: m.version, reason: "test" });
    },
  },
  createTransposition: {
    action: staff.createTransposition,
    allowed: ["editor", "admin"],
    request: () => form({ stateCode: "FR", provisionId: freeProvision("FR"), status: "partial", sourceMethod: "desk_research", verification: "unverified" }),
  },
  updateTransposition: {
    action: staff.updateTransposition,
    allowed: ["editor", "admin"],
    request: () => {
      const t = freshTransposition();
      return form({
        stateCode: "FR",
        provisionId: Number(t.provisionId),
        status: "full",
        relation: "equal",
        sourceMethod: "desk_research",
        verification: "unverified",
        id: t.id,
        version: t.version,
      });
    },
  },
  deleteTransposition: {
    action: staff.deleteTransposition,
    allowed: ["editor", "admin"],
    request: () => {
      const t = freshTransposition();
      return form({ id: t.id, version: t.version });
    },
  },
  createNotification: {
    action: staff.createNotification,
    allowed: ["editor", "admin"],
    request: () => form({ stateCode: notificationFree(), instrument: "31990L0388", status: "none", sourceMethod: "desk_research", verification: "unverified" }),
  },
  createLineage: { action: staff.createLineage, allowed: ["editor", "admin"], request: () => form(lineageFields()) },
  updateLineage: {
    action: staff.updateLineage,
    allowed: ["editor", "admin"],
    request: () => {
      const l = freshLineage();
      return form({
        instrument: String(l.instrument),
        relation: String(l.relation),
        successor: String(l.successor),
        note: "checked",
        sourceMethod: "eur_lex",
        verification: "unverified",
        id: l.id,
        version: l.version,
      });
    },
  },
  deleteLineage: {
    action: staff.deleteLineage,
    allowed: ["editor", "admin"],
    request: () => {
      const l = freshLineage();
      return form({ id: l.id, version: l.version, reason: "test" });
    },
  },
  createUser: {
    action: usersActions.createUserAction,
    allowed: ["admin"],
    request: () => form({ email: `new-${unique()}@example.eu`, name: "New", role: "researcher", password: PASSWORD }),
  },
  updateUser: {
    action: usersActions.updateUserAction,
    allowed: ["admin"],
    request: () => {
      const u = someResearcher();
      return form({ id: u.id, version: u.version, name: `Renamed ${unique()}`, role: "researcher" });
    },
  },
  resetPassword: {
    action: usersActions.resetPasswordAction,
    allowed: ["admin"],
    request: () => {
      const u = someResearcher();
      return form({ id: u.id, version: u.version, password: PASSWORD });
    },
  },
  restoreVersion: {
    action: history.restoreVersion,
    allowed: ["editor", "admin"],
    request: () => {
      const e = anUpdateEvent();
      return form({ entity: "national_measure", eventId: e.id, currentVersion: 1, reason: "a reason" });
    },
  },
  publishEdition: {
    action: editionsActions.publishEditionAction,
    allowed: ["editor", "admin"],
    request: () =>
      form({
        name: `2026-T${unique()
          .replace(/[^A-Za-z0-9]/g, "")
          .slice(-10)}`,
        reportingDate: "2020-06-30",
      }),
  },
  changeOwnPassword: {
    action: account.changeOwnPassword,
    allowed: ["researcher", "regulator (FR)", "regulator (DE)", "editor", "admin"],
    request: () => form({ currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD }),
  },
};

const auditCount = () =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(schema.auditEvents)
    .get()!.n;

describe("every server action × every actor", () => {
  for (const [name, mutation] of Object.entries(MUTATIONS)) {
    for (const who of Object.keys(actors)) {
      const allowed = mutation.allowed.includes(who);
      it(`${name} is ${allowed ? "allowed" : "refused"} for ${who}`, async () => {
        const request = mutation.request(who);
        currentActor = actors[who]!;
        const before = auditCount();
        let outcome: string;
        try {
          const state = await mutation.action(IDLE, request);
          outcome =
            state.status === "ok"
              ? "ok"
              : `error: ${state.status === "error" ? state.formError : ""} ${JSON.stringify(state.status === "error" ? state.fieldErrors : {})}`;
        } catch (error) {
          if (!(error instanceof RedirectSignal)) throw error;
          outcome = "ok";
        }
        if (allowed) {
          expect(outcome).toBe("ok");
          expect(auditCount()).toBeGreaterThan(before);
        } else {
          expect(outcome).toMatch(/not allowed|session has ended/);
          expect(auditCount()).toBe(before);
        }
      });
    }
  }
});

describe("inputs cannot be mass-assigned", () => {
  it("refuses extra fields such as version tricks or a role on the measure form", async () => {
    currentActor = actors.editor!;
    const state = await staff.createMeasure(IDLE, form({ ...measureFields(`fr-x-${unique()}`), isSynthetic: "true" }));
    expect(state).toMatchObject({ status: "error" });
  });
  it("never sends a password back in a failed form's values", async () => {
    currentActor = actors.admin!;
    const state = await usersActions.createUserAction(IDLE, form({ email: "bad", name: "x", role: "researcher", password: "secret-password-1" }));
    expect(JSON.stringify(state)).not.toContain("secret-password-1");
  });
});

describe("the EUR-Lex import's route handler × every actor", () => {
  it("lets only editors and admins preview and apply; everyone else is refused before CELLAR is asked and nothing is written", async () => {
    const { startCellarServer } = await import("../support/cellar-server");
    const { POST } = await import("@/app/staff/eurlex/run/route");
    const cellar = await startCellarServer();
    // The route reads its endpoint from the environment; 32016L1148 answers 503 once (fixtures manifest).
    const env = { EURLEX_SPARQL_URL: cellar.url, EURLEX_PAGE_SIZE: "50", EURLEX_TIMEOUT_MS: "5000", EURLEX_RETRIES: "1", EURLEX_BACKOFF_MS: "0" };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    const post = (body: unknown, who: string) => {
      currentActor = actors[who]!;
      return POST(
        new Request("http://localhost/staff/eurlex/run", {
          method: "POST",
          headers: { origin: "http://localhost", host: "localhost", "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
    };
    const events = async (res: Response) =>
      (await res.text())
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { type: string; fingerprint?: string; message?: string });
    try {
      for (const who of Object.keys(actors)) {
        const allowed = who === "editor" || who === "admin";
        const before = auditCount();
        const asked = cellar.requests.length;
        const res = await post({ mode: "preview", celex: "32016L1148" }, who);
        if (!allowed) {
          expect(res.status, who).toBe(who === "anonymous" ? 401 : 403);
          const forged = await post({ mode: "apply", celex: "32016L1148", fingerprint: "0".repeat(32) }, who);
          expect(forged.status, who).toBe(who === "anonymous" ? 401 : 403);
          expect(cellar.requests.length).toBe(asked);
          expect(auditCount()).toBe(before);
          continue;
        }
        expect(res.status).toBe(200);
        const preview = (await events(res)).find((e) => e.type === "preview");
        expect(preview?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
        if (who === "editor") {
          const applied = await events(await post({ mode: "apply", celex: "32016L1148", fingerprint: preview!.fingerprint }, who));
          expect(applied.map((e) => e.type)).toContain("applied");
          expect(auditCount()).toBeGreaterThan(before);
        }
      }
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      await cellar.close();
    }
  });
});

describe("the correspondence CSV import's route handler × every actor", () => {
  it("lets staff import directly and a regulator for its own state as a submission; everyone else is refused and nothing is written", async () => {
    const { POST } = await import("@/app/import/run/route");
    const expected: Record<string, number> = {
      anonymous: 401,
      researcher: 403,
      "regulator (FR)": 200,
      "regulator (DE)": 403,
      editor: 200,
      admin: 200,
    };
    for (const who of Object.keys(actors)) {
      currentActor = actors[who]!;
      const before = auditCount();
      const form = new FormData();
      form.set("mode", "apply");
      form.set("state", "FR");
      form.set("instrument", "31995L0046");
      form.set("file", new Blob(["article,status\r\n17,partial\r\n"], { type: "text/csv" }), "fr.csv");
      const res = await POST(
        new Request("http://localhost/import/run", { method: "POST", body: form, headers: { origin: "http://localhost", host: "localhost" } }),
      );
      expect(res.status, who).toBe(expected[who]);
      if (res.status !== 200) expect(auditCount(), who).toBe(before);
      else await res.text();
    }
  });
});
