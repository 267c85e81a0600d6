import { ConflictError, InvalidReferenceError, NotFoundError } from "@/lib/errors";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { auditEvents, instruments, nationalMeasures, transpositions, users } from "@/db/schema";
import { createRecord, deleteRecord, updateRecord } from "@/db/writes/entity";
import { measureWriter } from "@/db/writes/measures";
import { transpositionWriter } from "@/db/writes/transpositions";
import type { Actor } from "@/lib/policy";
import { measureInput } from "@/lib/validation/measure";
import { inputFromSnapshot } from "@/db/entities";
import { readSeed } from "@/seed/read";
import { loadSeed } from "@/seed/load";
import { freshDatabase } from "../helpers/db";

let handle: DbHandle;
let editor: Actor;
let other: Actor;
beforeEach(() => {
  handle = freshDatabase();
  loadSeed(handle, readSeed());
  const make = (email: string): Actor => {
    const id = handle.db.insert(users).values({ email, name: email, role: "editor", passwordHash: "x" }).returning().get().id;
    return { kind: "user", id, email, name: email, role: "editor", memberStateCode: null };
  };
  editor = make("editor@example.eu");
  other = make("other@example.eu");
});

const measureId = (key: string) => handle.db.select({ id: nationalMeasures.id }).from(nationalMeasures).where(eq(nationalMeasures.key, key)).get()!.id;
const events = (entity: string, id: number) =>
  handle.db
    .select()
    .from(auditEvents)
    .where(sql`${auditEvents.entity} = ${entity} and ${auditEvents.recordId} = ${String(id)}`)
    .orderBy(auditEvents.id)
    .all();

function editedBdsg(note: string) {
  const snapshot = measureWriter.snapshot(handle.db, measureId("de-bdsg-2001"))!;
  const parsed = inputFromSnapshot("national_measure", snapshot);
  if (!parsed.success) throw parsed.error;
  return { snapshot, input: { ...(parsed.data as ReturnType<typeof measureInput.parse>), note } };
}

describe("a direct edit", () => {
  it("bumps the version and writes one audit event with before and after", () => {
    const { snapshot, input } = editedBdsg("checked against BGBl.");
    const after = updateRecord(handle.db, measureWriter, snapshot.id, snapshot.version, input, { actor: editor, requestId: "r1" });
    expect(after.version).toBe(snapshot.version + 1);
    expect(after.note).toBe("checked against BGBl.");
    const audit = events("national_measure", snapshot.id).at(-1)!;
    expect(audit).toMatchObject({ action: "update", actorLabel: "editor@example.eu", requestId: "r1" });
    expect(audit.actorId).toBe((editor as { id: number }).id);
    expect((audit.before as { note: unknown }).note).toBe(snapshot.note);
    expect((audit.after as { note: unknown }).note).toBe("checked against BGBl.");
  });

  it("refuses a stale save, shows the current record, and changes nothing", () => {
    const { snapshot, input } = editedBdsg("first");
    updateRecord(handle.db, measureWriter, snapshot.id, snapshot.version, input, { actor: editor });
    const before = events("national_measure", snapshot.id).length;
    let conflict: unknown;
    try {
      updateRecord(handle.db, measureWriter, snapshot.id, snapshot.version, { ...input, note: "second" }, { actor: other });
    } catch (e) {
      conflict = e;
    }
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).current).toMatchObject({ note: "first", version: snapshot.version + 1 });
    expect(measureWriter.snapshot(handle.db, snapshot.id)!.note).toBe("first");
    expect(events("national_measure", snapshot.id)).toHaveLength(before);
  });

  it("lets exactly one of two connections win a race on the same version", () => {
    const second = openDatabase(handle.path);
    const { snapshot, input } = editedBdsg("from connection A");
    const outcomes = [handle, second].map((h, i) => {
      try {
        updateRecord(h.db, measureWriter, snapshot.id, snapshot.version, { ...input, note: `from connection ${i}` }, { actor: i ? other : editor });
        return "won";
      } catch (e) {
        return e instanceof ConflictError ? "told" : `failed: ${String(e)}`;
      }
    });
    expect(outcomes.sort()).toEqual(["told", "won"]);
    expect(measureWriter.snapshot(second.db, snapshot.id)!.version).toBe(snapshot.version + 1);
    second.sqlite.close();
  });

  it("rolls back the record when the audit cannot be written", () => {
    const { snapshot, input } = editedBdsg("never saved");
    handle.sqlite.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(() => updateRecord(handle.db, measureWriter, snapshot.id, snapshot.version, input, { actor: editor })).toThrow(/disk full/);
    expect(measureWriter.snapshot(handle.db, snapshot.id)).toMatchObject({ version: snapshot.version, note: snapshot.note });
  });
});

describe("create and delete", () => {
  const newMeasure = () =>
    measureInput.parse({
      stateCode: "MT",
      key: "mt-data-protection-act-2001",
      titleOriginal: "Data Protection Act (Cap. 440)",
      titleEnglish: "",
      language: "en",
      type: "act",
      status: "in_force",
      instruments: ["31995L0046"],
      sourceMethod: "desk_research",
      verification: "unverified",
    });

  it("creates with links and an audit event, and refuses a duplicate key", () => {
    const created = createRecord(handle.db, measureWriter, newMeasure(), { actor: editor });
    expect(created).toMatchObject({ key: "mt-data-protection-act-2001", instruments: ["31995L0046"], version: 1, verification: "unverified" });
    expect(events("national_measure", created.id).map((e) => e.action)).toEqual(["create"]);
    expect(() => createRecord(handle.db, measureWriter, newMeasure(), { actor: editor })).toThrow(InvalidReferenceError);
  });

  it("refuses an unknown instrument without writing anything", () => {
    const count = () =>
      handle.db
        .select({ n: sql<number>`count(*)` })
        .from(nationalMeasures)
        .get()!.n;
    // Directive (EU) 2019/790 (copyright in the Digital Single Market): not in the inventory.
    const notInInventory = "32019L0790";
    expect(handle.db.select().from(instruments).where(eq(instruments.celex, notInInventory)).get()).toBeUndefined();
    const n = count();
    expect(() => createRecord(handle.db, measureWriter, { ...newMeasure(), instruments: [notInInventory] }, { actor: editor })).toThrow(
      /Unknown instrument 32019L0790/,
    );
    expect(count()).toBe(n);
  });

  it("deletes with the version, keeps the record in the audit, and refuses a stale or repeated delete", () => {
    const created = createRecord(handle.db, measureWriter, newMeasure(), { actor: editor });
    expect(() => deleteRecord(handle.db, measureWriter, created.id, 99, { actor: editor })).toThrow(ConflictError);
    deleteRecord(handle.db, measureWriter, created.id, 1, { actor: editor, reason: "duplicate of another record" });
    expect(measureWriter.snapshot(handle.db, created.id)).toBeUndefined();
    const last = events("national_measure", created.id).at(-1)!;
    expect(last).toMatchObject({ action: "delete", reason: "duplicate of another record", after: null });
    expect((last.before as { key: string }).key).toBe("mt-data-protection-act-2001");
    expect(() => deleteRecord(handle.db, measureWriter, created.id, 1, { actor: editor })).toThrow(NotFoundError);
  });

  it("refuses to delete a measure a transposition still cites", () => {
    const cited = handle.db.select({ id: nationalMeasures.id }).from(nationalMeasures).where(eq(nationalMeasures.key, "de-bdsg-2001")).get()!.id;
    expect(() => deleteRecord(handle.db, measureWriter, cited, measureWriter.snapshot(handle.db, cited)!.version, { actor: editor })).toThrow(/cited by/);
  });

  it("keeps a transposition's measures within its own state", () => {
    const t = handle.db.select().from(transpositions).where(eq(transpositions.stateCode, "DE")).get()!;
    const snapshot = transpositionWriter.snapshot(handle.db, t.id)!;
    const input = inputFromSnapshot("transposition", snapshot);
    if (!input.success) throw input.error;
    expect(() =>
      updateRecord(handle.db, transpositionWriter, t.id, t.version, { ...(input.data as never as object), measureKeys: ["de-nonexistent"] } as never, {
        actor: editor,
      }),
    ).toThrow(/No measure of DE/);
  });
});
