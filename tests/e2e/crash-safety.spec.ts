/**
 * Kill -9 at random moments while a writer makes direct edits and gets
 * submissions approved through the real server; after each crash the
 * database must pass integrity_check, every approved submission must be
 * applied entirely (and no other one at all), and every version of every
 * edited record must have its audit event. More rounds: CRASH_ROUNDS=200.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { expect, test } from "@playwright/test";
import { openDatabase, type DbHandle } from "../../db/client";
import { apiTokens, auditEvents, nationalMeasures, submissionChanges, submissions, users } from "../../db/schema";
import { generateToken } from "@/server/api-tokens";
import { measureWriter } from "../../db/writes/measures";
import { inputFromSnapshot } from "@/db/entities";
import { startServer, tempDbPath, type RunningServer } from "./support/server";

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const PORT = Number(process.env.E2E_PORT ?? 3100) + 70;

/** Deterministic, so a failing round can be replayed. */
function prng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function tokenFor(db: DbHandle, email: string): string {
  const user = db.db.select().from(users).where(eq(users.email, email)).get()!;
  const { token, tokenHash, prefix } = generateToken();
  db.db.insert(apiTokens).values({ userId: user.id, name: "crash test", tokenHash, prefix }).run();
  return token;
}

function payloadOf(db: DbHandle, key: string, note: string) {
  const id = db.db.select({ id: nationalMeasures.id }).from(nationalMeasures).where(eq(nationalMeasures.key, key)).get()!.id;
  const snapshot = measureWriter.snapshot(db.db, id)!;
  const parsed = inputFromSnapshot("national_measure", { ...snapshot, note });
  if (!parsed.success) throw parsed.error;
  return { id, version: snapshot.version, payload: parsed.data };
}

interface Tally {
  directEdits: number;
  approvals: number;
}

/** Writes until the server dies under it. */
async function writeUntilKilled(server: RunningServer, db: DbHandle, tokens: { editor: string; regulator: string }, random: () => number, tally: Tally) {
  const call = (path: string, token: string, method: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
  for (let n = 0; ; n++) {
    try {
      if (random() < 0.5) {
        const key = random() < 0.5 ? "de-bdsg-2001" : "at-dsg-2000";
        const m = payloadOf(db, key, `direct edit ${n}`);
        const r = await call(`/api/v1/staff/national_measure/${m.id}`, tokens.editor, "PUT", { version: m.version, payload: m.payload });
        if (r.status === 200) tally.directEdits++;
      } else {
        const m = payloadOf(db, "fr-loi-78-17", `submitted edit ${n}`);
        const created = await call("/api/v1/submissions", tokens.regulator, "POST", {
          message: `crash test ${n}`,
          changes: [
            { entity: "national_measure", operation: "update", recordId: m.id, baseVersion: m.version, payload: m.payload },
            {
              entity: "national_measure",
              operation: "create",
              payload: { ...m.payload, key: `fr-crash-${Date.now().toString(36)}-${n}`, note: "created by the crash test" },
            },
          ],
        });
        if (created.status !== 201) continue;
        const s = (await created.json()) as { id: number; version: number };
        const review = await call(`/api/v1/submissions/${s.id}/review`, tokens.editor, "POST", { decision: "approve", version: s.version });
        if (review.status === 200) tally.approvals++;
      }
    } catch {
      return; // the server is gone
    }
  }
}

function checkInvariants(path: string) {
  const db = openDatabase(path);
  try {
    expect(db.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.sqlite.pragma("foreign_key_check")).toEqual([]);

    const writes = ["create", "update", "delete"];
    for (const s of db.db.select().from(submissions).all()) {
      const changes = db.db
        .select({ n: sql<number>`count(*)` })
        .from(submissionChanges)
        .where(eq(submissionChanges.submissionId, s.id))
        .get()!.n;
      const applied = db.db
        .select({ n: sql<number>`count(*)` })
        .from(auditEvents)
        .where(and(eq(auditEvents.submissionId, s.id), inArray(auditEvents.action, writes)))
        .get()!.n;
      expect(applied, `submission ${s.id} (${s.status})`).toBe(s.status === "approved" ? changes : 0);
    }

    for (const m of db.db.select({ id: nationalMeasures.id, version: nationalMeasures.version }).from(nationalMeasures).all()) {
      const events = db.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.entity, "national_measure"), eq(auditEvents.recordId, String(m.id))))
        .all()
        .map((e) => e.action);
      expect(
        events.filter((a) => a === "create"),
        `measure ${m.id} creation audited`,
      ).toHaveLength(1);
      expect(events.filter((a) => a === "update" || a === "restore").length + 1, `measure ${m.id} versions audited`).toBe(m.version);
    }
  } finally {
    db.sqlite.close();
  }
}

test("the database survives SIGKILL at random moments with every change whole and audited", async () => {
  // Each round starts `npm start` again: two server processes (one per CPU) on a machine of two, 20 s was too tight under load.
  test.setTimeout(ROUNDS * 30_000 + 60_000);
  const path = tempDbPath();
  const random = prng(20011);
  const tally: Tally = { directEdits: 0, approvals: 0 };
  let server = await startServer(PORT, path);
  const db = openDatabase(path);
  const tokens = { editor: tokenFor(db, "editor@example.eu"), regulator: tokenFor(db, "regulator.fr@example.eu") };

  for (let round = 0; round < ROUNDS; round++) {
    const writing = writeUntilKilled(server, db, tokens, random, tally);
    // Kill at a random moment once this round's writes are under way (one has gone through), so a slow machine still
    // kills mid-write rather than before the first: the checks below are then never vacuous, whatever the machine's speed.
    const before = tally.directEdits + tally.approvals;
    for (const started = Date.now(); tally.directEdits + tally.approvals === before && Date.now() - started < 15_000;)
      await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, random() * 1300));
    server.child.kill("SIGKILL");
    await server.exited;
    await writing;
    checkInvariants(path);
    server = await startServer(PORT, path); // and it must start again on the crashed file
  }
  server.child.kill("SIGKILL");
  db.sqlite.close();
  checkInvariants(path);
  expect(tally.directEdits + tally.approvals, "every round wrote before it was killed").toBeGreaterThanOrEqual(ROUNDS);
  expect(tally.directEdits, "direct edits went through").toBeGreaterThan(0);
  expect(tally.approvals, "approved submissions went through").toBeGreaterThan(0);
});
