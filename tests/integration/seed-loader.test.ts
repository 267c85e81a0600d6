import { existsSync, writeFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { expectedMigrations, pendingMigrationCount } from "@/db/migrate";
import { auditEvents, memberStates, nationalMeasures, provisions, transpositions } from "@/db/schema";
import { prepareDatabase, SetupError } from "@/server/setup";
import { readSeed } from "@/seed/read";
import { loadSeed } from "@/seed/load";
import { freshDatabase, tempPath } from "../helpers/db";

const TABLES = [
  "sources",
  "member_states",
  "instruments",
  "provisions",
  "obligations",
  "provision_obligations",
  "national_measures",
  "measure_instruments",
  "notifications",
  "infringements",
  "transpositions",
  "transposition_measures",
];

function counts(handle: ReturnType<typeof freshDatabase>) {
  return Object.fromEntries(TABLES.map((t) => [t, (handle.sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]));
}

describe("the seed loader", () => {
  it("loads every seed record, each with an audit event", () => {
    const handle = freshDatabase();
    const seed = readSeed();
    const report = loadSeed(handle, seed);
    const c = counts(handle);
    expect(c.member_states).toBe(28);
    expect(c.instruments).toBe(seed.instruments.length);
    expect(c.provisions).toBe(seed.provisions.length);
    expect(c.obligations).toBe(seed.obligations.length);
    const sum = (f: (s: (typeof seed.states)[number]["data"]) => number) => seed.states.reduce((n, s) => n + f(s.data), 0);
    // A state's records span several files (DE.json, DE.today.json): every file's records are loaded.
    expect(c.national_measures).toBe(sum((s) => s.measures.length));
    expect(c.notifications).toBe(sum((s) => s.notifications.length));
    expect(c.infringements).toBe(sum((s) => s.infringements.length));
    expect(c.transpositions).toBe(sum((s) => s.transpositions.length));
    const audited = handle.db
      .select({ n: sql<number>`count(*)` })
      .from(auditEvents)
      .get()!.n;
    expect(audited).toBe(report.created + c.sources!);
  });

  it("is idempotent: a second run creates nothing and changes nothing", () => {
    const handle = freshDatabase();
    const seed = readSeed();
    loadSeed(handle, seed);
    const before = counts(handle);
    const again = loadSeed(handle, seed);
    expect(again.created).toBe(0);
    expect(counts(handle)).toEqual(before);
  });

  it("keeps what editors changed when it runs again", () => {
    const handle = freshDatabase();
    const seed = readSeed();
    loadSeed(handle, seed);
    handle.db.update(nationalMeasures).set({ note: "edited by staff", version: 2 }).where(eq(nationalMeasures.key, "de-bdsg-2001")).run();
    loadSeed(handle, seed);
    expect(handle.db.select().from(nationalMeasures).where(eq(nationalMeasures.key, "de-bdsg-2001")).get()).toMatchObject({
      note: "edited by staff",
      version: 2,
    });
  });

  it("writes nothing at all when a record fails half-way", () => {
    const handle = freshDatabase();
    const seed = readSeed();
    // A transposition whose provision vanished after validation: the insert fails late, after hundreds of rows.
    const broken = structuredClone(seed);
    broken.states
      .at(-1)!
      .data.transpositions.push({ ...broken.states.at(-1)!.data.transpositions[0]!, provision: { instrument: "31995L0046", kind: "article", number: "999" } });
    expect(() => loadSeed(handle, broken)).toThrow();
    expect(Object.values(counts(handle)).every((n) => n === 0)).toBe(true);
    expect(
      handle.db
        .select({ n: sql<number>`count(*)` })
        .from(auditEvents)
        .get()!.n,
    ).toBe(0);
  });
});

describe("preparing the database (npm start)", () => {
  it("creates, migrates and seeds a missing database", () => {
    const path = tempPath();
    const result = prepareDatabase(path);
    expect(result).toMatchObject({ createdFile: true, migrationsApplied: expectedMigrations().length });
    expect(result.seeded?.created).toBeGreaterThan(200);
    const handle = openDatabase(path);
    expect(pendingMigrationCount(handle)).toBe(0);
    expect(
      handle.db
        .select({ n: sql<number>`count(*)` })
        .from(memberStates)
        .get()!.n,
    ).toBe(28);
  });

  it("keeps an existing database as it is", () => {
    const path = tempPath();
    prepareDatabase(path);
    const handle = openDatabase(path);
    handle.db.delete(transpositions).run();
    handle.db.update(provisions).set({ heading: "Edited heading" }).where(eq(provisions.number, "17")).run();
    const second = prepareDatabase(path);
    expect(second).toMatchObject({ createdFile: false, migrationsApplied: 0, seeded: null });
    expect(
      handle.db
        .select({ n: sql<number>`count(*)` })
        .from(transpositions)
        .get()!.n,
    ).toBe(0);
    expect(
      handle.db
        .select()
        .from(provisions)
        .where(eq(provisions.number, "17"))
        .all()
        .some((p) => p.heading === "Edited heading"),
    ).toBe(true);
  });

  it("stops with one clear line when the file is not a database", () => {
    const path = tempPath();
    writeFileSync(path, "this is not a database, just some text that is long enough to be read as a header".repeat(20));
    let error: unknown;
    try {
      prepareDatabase(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toMatch(/^Cannot open the database at .*: file is not a database\. Move the file aside/);
    expect((error as Error).message).not.toContain("\n");
  });

  it("reports a bad seed and leaves no half-seeded database", () => {
    const path = tempPath();
    const seedDir = tempPath("data");
    expect(() => prepareDatabase(path, { seedDir })).toThrow(/Seed data is invalid, nothing was written: .*member-states\.json: file: is missing/);
    expect(existsSync(path)).toBe(true);
    const handle = openDatabase(path);
    expect(
      handle.db
        .select({ n: sql<number>`count(*)` })
        .from(memberStates)
        .get()!.n,
    ).toBe(0);
  });
});
