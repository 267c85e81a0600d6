/**
 * A measure drafted in a submission can be cited by an entry (and a
 * notification) of the same submission: validated, approved in an order
 * where the measure exists first, both records linked, with audit events;
 * an unknown key or another state's is refused with a field error.
 */
import { OutOfScopeError, InvalidReferenceError } from "@/lib/errors";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, nationalMeasures, notifications, submissions, transpositionMeasures, transpositions } from "@/db/schema";
import { listRecordsInState, recordNamer } from "@/db/queries/record-names";
import { measureWriter } from "@/db/writes/measures";
import { notificationWriter } from "@/db/writes/notifications";
import { transpositionWriter } from "@/db/writes/transpositions";
import { approveSubmission, createSubmission } from "@/db/writes/submissions";
import type { Actor } from "@/lib/policy";
import { submissionInput } from "@/lib/validation/submission";
import { actorByEmail, seededInventory } from "../helpers/inventory";

type User = Extract<Actor, { kind: "user" }>;
let h: DbHandle;
let fr: User, editor: User;
/** Provisions France has no correspondence for yet, so a new entry may be created for each. */
let freeProvisions: number[];

function newMeasure(state: string, key: string) {
  return {
    entity: "national_measure",
    operation: "create",
    payload: {
      stateCode: state,
      key,
      titleOriginal: `Décret ${key}`,
      language: state.toLowerCase(),
      type: "decree",
      status: "in_force",
      instruments: ["31995L0046"],
      sourceMethod: "desk_research",
      verification: "unverified",
    },
  };
}

function newEntry(provisionId: number, measureKeys: string[]) {
  return {
    entity: "transposition",
    operation: "create",
    payload: {
      stateCode: "FR",
      provisionId,
      status: "partial",
      relation: "subset",
      nationalProvision: "art. 3",
      measureKeys,
      sourceMethod: "desk_research",
      verification: "unverified",
    },
  };
}

const input = (changes: unknown[]) => submissionInput.parse({ message: "A new decree and the article it transposes.", changes });
const measureByKey = (key: string) => h.db.select().from(nationalMeasures).where(eq(nationalMeasures.key, key)).get();
const submissionCount = () =>
  h.db
    .select({ n: sql<number>`count(*)` })
    .from(submissions)
    .get()!.n;

function refusal(run: () => unknown): InvalidReferenceError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidReferenceError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(() => {
  h = seededInventory();
  fr = actorByEmail(h, "regulator.fr@example.eu");
  editor = actorByEmail(h, "editor@example.eu");
  freeProvisions = (
    h.sqlite
      .prepare(
        "select p.id from provisions p where not exists (select 1 from transpositions t where t.provision_id = p.id and t.state_code = 'FR') order by p.id limit 5",
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
  expect(freeProvisions.length).toBe(5);
});

describe("a new measure and a new entry citing it, in one submission", () => {
  it("is validated, approved, and leaves both records linked, each with its audit event", () => {
    const { submission } = createSubmission(
      h.db,
      fr,
      input([newMeasure("FR", "fr-decret-drafted-1"), newEntry(freeProvisions[0]!, ["fr-decret-drafted-1", "fr-loi-78-17"])]),
    );
    expect(measureByKey("fr-decret-drafted-1")).toBeUndefined();
    approveSubmission(h.db, editor, submission.id, submission.version, { requestId: "req-drafted" });

    const measure = measureByKey("fr-decret-drafted-1")!;
    expect(measure).toMatchObject({ stateCode: "FR", titleOriginal: "Décret fr-decret-drafted-1" });
    const entry = h.db
      .select()
      .from(transpositions)
      .where(and(eq(transpositions.stateCode, "FR"), eq(transpositions.provisionId, freeProvisions[0]!)))
      .get()!;
    expect(transpositionWriter.snapshot(h.db, entry.id)!.measureKeys).toEqual(["fr-decret-drafted-1", "fr-loi-78-17"]);
    expect(
      h.db
        .select()
        .from(transpositionMeasures)
        .where(and(eq(transpositionMeasures.transpositionId, entry.id), eq(transpositionMeasures.measureId, measure.id)))
        .get(),
    ).toBeDefined();

    const events = h.db.select().from(auditEvents).where(eq(auditEvents.submissionId, submission.id)).orderBy(auditEvents.id).all();
    expect(events.map((e) => `${e.entity}:${e.action}:${e.recordId}`)).toEqual([
      `submission:submission.create:${submission.id}`,
      `national_measure:create:${measure.id}`,
      `transposition:create:${entry.id}`,
      `submission:submission.approve:${submission.id}`,
    ]);
    expect(events.slice(1).every((e) => e.actorId === editor.id && e.requestId === "req-drafted")).toBe(true);
  });

  it("applies the measure first even when the draft lists the entry before it", () => {
    const { submission } = createSubmission(h.db, fr, input([newEntry(freeProvisions[1]!, ["fr-decret-drafted-2"]), newMeasure("FR", "fr-decret-drafted-2")]));
    approveSubmission(h.db, editor, submission.id, submission.version);
    const entry = h.db
      .select()
      .from(transpositions)
      .where(and(eq(transpositions.stateCode, "FR"), eq(transpositions.provisionId, freeProvisions[1]!)))
      .get()!;
    expect(transpositionWriter.snapshot(h.db, entry.id)!.measureKeys).toEqual(["fr-decret-drafted-2"]);
    const events = h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.submissionId, submission.id), sql`${auditEvents.entity} != 'submission'`))
      .orderBy(auditEvents.id)
      .all();
    expect(events.map((e) => e.entity)).toEqual(["national_measure", "transposition"]);
  });

  it("lets a notification name a drafted measure as its principal measure", () => {
    const id = h.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.stateCode, "FR")).orderBy(notifications.id).get()!.id;
    const current = notificationWriter.snapshot(h.db, id)!;
    const fields = [
      "stateCode",
      "instrument",
      "status",
      "notifiedOn",
      "principalMeasureKey",
      "statusAsOf",
      "note",
      "sourceUrl",
      "sourceTitle",
      "sourceMethod",
      "sourceKind",
      "verification",
    ];
    const payload = { ...Object.fromEntries(fields.filter((f) => f in current).map((f) => [f, current[f]])), principalMeasureKey: "fr-decret-drafted-3" };
    const { submission } = createSubmission(
      h.db,
      fr,
      input([{ entity: "notification", operation: "update", recordId: id, baseVersion: current.version, payload }, newMeasure("FR", "fr-decret-drafted-3")]),
    );
    approveSubmission(h.db, editor, submission.id, submission.version);
    expect(notificationWriter.snapshot(h.db, id)!.principalMeasureKey).toBe("fr-decret-drafted-3");
  });
});

describe("keys the submission cannot resolve", () => {
  it("refuses an unknown key with a field error on the citing change, storing nothing", () => {
    const n = submissionCount();
    const error = refusal(() =>
      createSubmission(h.db, fr, input([newMeasure("FR", "fr-decret-drafted-4"), newEntry(freeProvisions[2]!, ["fr-decret-drafted-4", "fr-no-such-measure"])])),
    );
    expect(error.field).toBe("changes.1.payload.measureKeys");
    expect(error.message).toMatch(/fr-no-such-measure/);
    expect(submissionCount()).toBe(n);
    expect(measureByKey("fr-decret-drafted-4")).toBeUndefined();
  });

  it("refuses another state's key with a field error, and a measure drafted for another state", () => {
    const parsed = submissionInput.safeParse({ message: "x", changes: [newEntry(freeProvisions[2]!, ["de-bdsg-2001"])] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toContain("changes.0.payload.measureKeys.0");
    expect(parsed.error!.issues.find((i) => i.path.join(".") === "changes.0.payload.measureKeys.0")!.message).toMatch(/not one of FR's/);
    expect(() => createSubmission(h.db, fr, input([newMeasure("DE", "de-decret-sneaky"), newEntry(freeProvisions[2]!, [])]))).toThrow(OutOfScopeError);
    expect(measureByKey("de-decret-sneaky")).toBeUndefined();
  });

  it("refuses at approval a key that vanished after the submission was sent, applying nothing", () => {
    // The drafted measure's key is taken by staff before approval: the measure cannot be created, so nothing is applied.
    const { submission } = createSubmission(h.db, fr, input([newEntry(freeProvisions[3]!, ["fr-decret-drafted-5"]), newMeasure("FR", "fr-decret-drafted-5")]));
    h.sqlite.prepare("update national_measures set key = 'fr-decret-drafted-5' where key = 'fr-loi-2000-230'").run();
    expect(() => approveSubmission(h.db, editor, submission.id, submission.version)).toThrow(InvalidReferenceError);
    expect(
      h.db
        .select()
        .from(transpositions)
        .where(and(eq(transpositions.stateCode, "FR"), eq(transpositions.provisionId, freeProvisions[3]!)))
        .get(),
    ).toBeUndefined();
  });
});

describe("naming what a regulator picks", () => {
  it("names a state's correspondences by instrument, article and state, in the instruments' order", () => {
    const records = listRecordsInState(h.db, "transposition", "FR");
    expect(records.length).toBeGreaterThan(10);
    expect(records[0]!.label).toMatch(/^90\/388\/EEC Art\. \S+ — France$|^95\/46\/EC Art\. \S+ — France$/);
    expect(records.some((r) => r.label === "95/46/EC Art. 17 — France")).toBe(true);
    expect(records.every((r) => !/^\d+$/.test(r.label) && r.label.endsWith("— France"))).toBe(true);
    const notices = listRecordsInState(h.db, "notification", "FR");
    expect(notices.some((r) => /^95\/46\/EC — notification — France$/.test(r.label))).toBe(true);
    const measures = listRecordsInState(h.db, "national_measure", "FR");
    expect(measures.find((m) => m.label.endsWith("(fr-loi-78-17)"))).toBeDefined();
    expect(measures.every((m) => /\(fr-[a-z0-9-]+\)$/.test(m.label))).toBe(true);
    const measure = measureWriter.snapshot(h.db, measureByKey("fr-loi-78-17")!.id)!;
    expect(recordNamer(h.db).name("national_measure", measure)).toBe(measures.find((m) => m.id === measure.id)!.label);
  });
});
