/**
 * The lineage through the one write path (refusals, audit, stale versions),
 * a repeal whose date is not recorded in the indicators' snapshot, and dates
 * as precise as their source through the measure writer.
 */
import { ConflictError, InvalidReferenceError } from "@/lib/errors";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, instrumentLineage, nationalMeasures, users } from "@/db/schema";
import { createRecord, deleteRecord, updateRecord } from "@/db/writes/entity";
import { lineageWriter } from "@/db/writes/lineage";
import { measureWriter } from "@/db/writes/measures";
import { loadInventorySnapshot } from "@/db/queries/inventory-snapshot";
import { loadCollectionIds } from "@/db/queries/collections";
import type { Actor } from "@/lib/policy";
import { lineageInput, type LineageInput } from "@/lib/validation/lineage";
import { measureInput } from "@/lib/validation/measure";
import { inputFromSnapshot } from "@/db/entities";
import { readSeed } from "@/seed/read";
import { loadSeed } from "@/seed/load";
import { freshDatabase } from "../helpers/db";

let handle: DbHandle;
let editor: Actor;
beforeEach(() => {
  handle = freshDatabase();
  loadSeed(handle, readSeed());
  const id = handle.db.insert(users).values({ email: "editor@example.eu", name: "Editor", role: "editor", passwordHash: "x" }).returning().get().id;
  editor = { kind: "user", id, email: "editor@example.eu", name: "Editor", role: "editor", memberStateCode: null };
});

const relation = (fields: Partial<LineageInput>): LineageInput =>
  lineageInput.parse({
    instrument: "32002L0077",
    relation: "amended_by",
    successor: "32009L0140",
    fromDate: "",
    note: "",
    sourceUrl: "https://eur-lex.europa.eu/",
    sourceTitle: "EUR-Lex",
    sourceMethod: "eur_lex",
    verification: "unverified",
    ...fields,
  });
const lineageCount = () =>
  handle.db
    .select({ n: sql<number>`count(*)` })
    .from(instrumentLineage)
    .get()!.n;

describe("recording a lineage relation", () => {
  it("writes it with an audit event, and refuses a stale edit", () => {
    const created = createRecord(handle.db, lineageWriter, relation({}), { actor: editor });
    expect(created).toMatchObject({ instrument: "32002L0077", relation: "amended_by", successor: "32009L0140", version: 1 });
    const events = handle.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.entity} = 'instrument_lineage' and ${auditEvents.recordId} = ${String(created.id)}`)
      .all();
    expect(events.map((e) => e.action)).toEqual(["create"]);
    updateRecord(handle.db, lineageWriter, created.id, 1, relation({ note: "checked" }), { actor: editor });
    expect(() => updateRecord(handle.db, lineageWriter, created.id, 1, relation({ note: "stale" }), { actor: editor })).toThrow(ConflictError);
    deleteRecord(handle.db, lineageWriter, created.id, 2, { actor: editor });
    expect(handle.db.select().from(instrumentLineage).where(eq(instrumentLineage.id, created.id)).get()).toBeUndefined();
  });

  it("refuses a cycle, a date before adoption and a duplicate, writing nothing", () => {
    const before = lineageCount();
    const refused = (input: LineageInput) => {
      try {
        createRecord(handle.db, lineageWriter, input, { actor: editor });
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidReferenceError);
        return { field: (error as InvalidReferenceError).field, message: (error as Error).message };
      }
      throw new Error("not refused");
    };
    // The seed says 97/66/EC → 2002/58/EC → 2009/136/EC: back to 97/66/EC is a cycle.
    expect(refused(relation({ instrument: "32009L0136", relation: "replaced_by", successor: "31997L0066" }))).toEqual({
      field: "successor",
      message: expect.stringMatching(/cycle: 2009\/136\/EC → 97\/66\/EC → 2002\/58\/EC → 2009\/136\/EC/),
    });
    expect(refused(relation({ instrument: "31995L0046", relation: "repealed_by", successor: "32016R0679", fromDate: "1994-01-01" })).field).toBe("relation");
    expect(refused(relation({ instrument: "31990L0388", relation: "replaced_by", successor: "32018L1972", fromDate: "2001-01-01" }))).toEqual({
      field: "fromDate",
      message: expect.stringContaining("before 2018/1972"),
    });
    expect(lineageCount()).toBe(before);
  });
});

describe("a repeal whose date is not recorded", () => {
  it("stops counting from the repealing act's adoption, in the indicators and the 'in force' collection alike", () => {
    // 90/388/EEC was repealed by 2002/77/EC (adopted 2002-09-16); the seed records no date of effect.
    const snapshot = loadInventorySnapshot(handle.db, "2026-12-06", { provisions: false });
    expect(snapshot.instruments.find((i) => i.celex === "31990L0388")).toMatchObject({ repealedBy: "32002L0077", repealedFrom: "2002-09-16" });
    const id = snapshot.instruments.find((i) => i.celex === "31990L0388")!.id;
    expect(loadCollectionIds(handle.db, "in-force", "2002-09-15", "2026-12-06")).toContain(id);
    expect(loadCollectionIds(handle.db, "in-force", "2002-09-16", "2026-12-06")).not.toContain(id);
    expect(loadCollectionIds(handle.db, "com-2001-298", "2026-12-06", "2026-12-06")).toContain(id);
  });
});

describe("a measure's dates as precise as their source", () => {
  it("stores a month as the end of the month with its precision, and reads it back as written", () => {
    const id = handle.db.select({ id: nationalMeasures.id }).from(nationalMeasures).where(eq(nationalMeasures.key, "de-bdsg-2001")).get()!.id;
    const snapshot = measureWriter.snapshot(handle.db, id)!;
    const parsed = inputFromSnapshot("national_measure", snapshot);
    if (!parsed.success) throw parsed.error;
    const input = { ...(parsed.data as ReturnType<typeof measureInput.parse>), publishedOn: "2001-05", inForceOn: "2001-05-23" };
    expect(measureInput.safeParse({ ...input, instruments: input.instruments.join("\n") }).success).toBe(true);
    const after = updateRecord(handle.db, measureWriter, id, snapshot.version, input, { actor: editor });
    expect(after.publishedOn).toBe("2001-05");
    const row = handle.db.select().from(nationalMeasures).where(eq(nationalMeasures.id, id)).get()!;
    expect(row).toMatchObject({ publishedOn: "2001-05-31", publishedOnPrecision: "month", inForceOn: "2001-05-23", inForceOnPrecision: null });
  });

  it("refuses a month that does not exist and an entry into force certainly before adoption, but not one within the adoption's month", () => {
    const base = {
      stateCode: "DE",
      key: "de-test-act",
      titleOriginal: "Testgesetz",
      language: "de",
      type: "act",
      status: "in_force",
      instruments: "31995L0046",
      sourceMethod: "desk_research",
      verification: "unverified",
    };
    expect(measureInput.safeParse({ ...base, adoptedOn: "2001-13" }).success).toBe(false);
    expect(measureInput.safeParse({ ...base, adoptedOn: "2001-05-18", inForceOn: "2001-04" }).error?.issues[0]?.path).toEqual(["inForceOn"]);
    expect(measureInput.safeParse({ ...base, adoptedOn: "2001-05", inForceOn: "2001-05-01" }).success).toBe(true);
  });
});
