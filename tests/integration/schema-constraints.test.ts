import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, instruments, nationalMeasures, provisions, transpositions, users } from "@/db/schema";
import { readSeed } from "@/seed/read";
import { loadSeed } from "@/seed/load";
import { freshDatabase } from "../helpers/db";

let handle: DbHandle;
beforeEach(() => {
  handle = freshDatabase();
  loadSeed(handle, readSeed());
});

const art17 = () =>
  handle.db
    .select({ id: provisions.id })
    .from(provisions)
    .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
    .where(sql`${instruments.celex} = '31995L0046' and ${provisions.number} = '17'`)
    .get()!.id;

describe("the database connection", () => {
  it("runs in WAL mode with foreign keys, a busy timeout and synchronous=FULL", () => {
    expect(handle.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(handle.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(handle.sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(handle.sqlite.pragma("synchronous", { simple: true })).toBe(2);
  });
});

describe("schema constraints", () => {
  it("refuses a transposition for an unknown provision", () => {
    expect(() => handle.db.insert(transpositions).values({ stateCode: "DE", provisionId: 999_999, status: "full" }).run()).toThrow(/FOREIGN KEY/);
  });

  it("refuses a transposition for an unknown Member State", () => {
    expect(() => handle.db.insert(transpositions).values({ stateCode: "XX", provisionId: art17(), status: "full" }).run()).toThrow(/FOREIGN KEY/);
  });

  it("keeps one transposition per state and provision", () => {
    handle.db.insert(transpositions).values({ stateCode: "CY", provisionId: art17(), status: "unknown" }).run();
    expect(() => handle.db.insert(transpositions).values({ stateCode: "CY", provisionId: art17(), status: "full" }).run()).toThrow(/UNIQUE/);
  });

  it("refuses a status or relation outside the vocabulary", () => {
    expect(() =>
      handle.db
        .insert(transpositions)
        .values({ stateCode: "CY", provisionId: art17(), status: "done" as never })
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      handle.db
        .insert(transpositions)
        .values({ stateCode: "CY", provisionId: art17(), status: "full", relation: "same" as never })
        .run(),
    ).toThrow(/CHECK/);
  });

  it("defaults a new transposition to unknown (not assessed), version 1", () => {
    const row = handle.db.insert(transpositions).values({ stateCode: "MT", provisionId: art17() }).returning().get();
    expect(row).toMatchObject({ status: "unknown", version: 1, verification: "unverified" });
  });

  it("refuses a measure link that is not http(s)", () => {
    const source = handle.db.select({ id: nationalMeasures.sourceId }).from(nationalMeasures).limit(1).get()!.id;
    expect(() =>
      handle.db
        .insert(nationalMeasures)
        .values({
          key: "mt-x",
          stateCode: "MT",
          titleOriginal: "Att",
          titleEnglishIsWorkingTranslation: false,
          language: "mt",
          type: "act",
          status: "in_force",
          url: "javascript:alert(1)",
          sourceId: source,
          verification: "unverified",
        })
        .run(),
    ).toThrow(/CHECK/);
  });

  it("binds regulators, and only regulators, to a Member State", () => {
    const base = { email: "r@example.eu", name: "R", passwordHash: "x" };
    expect(() =>
      handle.db
        .insert(users)
        .values({ ...base, role: "regulator" })
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      handle.db
        .insert(users)
        .values({ ...base, role: "editor", memberStateCode: "DE" })
        .run(),
    ).toThrow(/CHECK/);
    expect(
      handle.db
        .insert(users)
        .values({ ...base, role: "regulator", memberStateCode: "DE" })
        .returning()
        .get().memberStateCode,
    ).toBe("DE");
  });

  it("keeps the audit trail append-only", () => {
    const first = handle.db.select().from(auditEvents).limit(1).get()!;
    expect(() => handle.db.update(auditEvents).set({ reason: "rewritten" }).where(eq(auditEvents.id, first.id)).run()).toThrow(/append-only/);
    expect(() => handle.db.delete(auditEvents).where(eq(auditEvents.id, first.id)).run()).toThrow(/append-only/);
  });

  it("refuses to delete a provision that national transpositions point to", () => {
    const used = handle.db.select({ provisionId: transpositions.provisionId }).from(transpositions).limit(1).get()!.provisionId;
    expect(() => handle.db.delete(provisions).where(eq(provisions.id, used)).run()).toThrow(/FOREIGN KEY/);
  });
});
