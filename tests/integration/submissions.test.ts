import {
  IdempotencyKeyReuseError,
  OutOfScopeError,
  SubmissionConflictError,
  SubmissionStatusError,
  ConflictError,
  InvalidReferenceError,
  ForbiddenError,
} from "@/lib/errors";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, instruments, nationalMeasures, submissionChanges, submissions, transpositions } from "@/db/schema";
import { findSubmission, listSubmissions, reviewChanges, submissionScopeFor } from "@/db/queries/submissions";
import { createRecord, deleteRecord, updateRecord } from "@/db/writes/entity";
import { measureWriter } from "@/db/writes/measures";
import { transpositionWriter } from "@/db/writes/transpositions";
import { approveSubmission, createSubmission, rejectSubmission, requestChanges, reviseSubmission } from "@/db/writes/submissions";
import { type Actor } from "@/lib/policy";
import { submissionInput, type SubmissionInput } from "@/lib/validation/submission";
import { actorByEmail, payloadOf, seededInventory } from "../helpers/inventory";
import { measureInput } from "@/lib/validation/measure";
import { transpositionInput } from "@/lib/validation/transposition";

type User = Extract<Actor, { kind: "user" }>;
let h: DbHandle;
let fr: User, fr2: User, de: User, editor: User, admin: User, researcher: User;

const measureId = (key: string) => h.db.select({ id: nationalMeasures.id }).from(nationalMeasures).where(eq(nationalMeasures.key, key)).get()!.id;
const measure = (key: string) => measureWriter.snapshot(h.db, measureId(key))!;
const firstTransposition = (state: string) => {
  const row = h.db.select({ id: transpositions.id }).from(transpositions).where(eq(transpositions.stateCode, state)).orderBy(transpositions.id).get()!;
  return transpositionWriter.snapshot(h.db, row.id)!;
};
const auditCount = () =>
  h.db
    .select({ n: sql<number>`count(*)` })
    .from(auditEvents)
    .get()!.n;
const submissionCount = () =>
  h.db
    .select({ n: sql<number>`count(*)` })
    .from(submissions)
    .get()!.n;

function measureUpdate(key: string, changes: Record<string, unknown>) {
  const current = measure(key);
  return {
    entity: "national_measure",
    operation: "update",
    recordId: current.id,
    baseVersion: current.version,
    payload: { ...payloadOf(current, measureInput), ...changes },
  };
}

function newMeasure(state: string, key: string) {
  return {
    entity: "national_measure",
    operation: "create",
    payload: {
      stateCode: state,
      key,
      titleOriginal: `Texte ${key}`,
      titleEnglish: null,
      titleEnglishIsWorkingTranslation: false,
      language: state.toLowerCase(),
      type: "decree",
      status: "in_force",
      instruments: ["31995L0046"],
      sourceMethod: "desk_research",
      verification: "unverified",
    },
  };
}

function input(raw: unknown): SubmissionInput {
  return submissionInput.parse(raw);
}

beforeAll(() => {
  h = seededInventory();
  fr = actorByEmail(h, "regulator.fr@example.eu");
  de = actorByEmail(h, "regulator.de@example.eu");
  editor = actorByEmail(h, "editor@example.eu");
  admin = actorByEmail(h, "admin@example.eu");
  researcher = actorByEmail(h, "researcher@example.eu");
  // A second French regulator, to check that only a submission's author may revise it.
  const second = h.sqlite
    .prepare("insert into users (email, name, password_hash, role, member_state_code) values ('fr2@example.eu', 'FR two', 'x', 'regulator', 'FR') returning id")
    .get() as { id: number };
  fr2 = { ...fr, id: second.id, email: "fr2@example.eu" };
});

describe("proposing a submission", () => {
  it("stores several validated changes with their base versions, pending, with an audit event", () => {
    const before = measure("fr-loi-78-17");
    const created = createSubmission(
      h.db,
      fr,
      input({
        message: "Update the English title; add a decree.",
        changes: [measureUpdate("fr-loi-78-17", { titleEnglish: "Data Protection Act (updated)" }), newMeasure("FR", "fr-decret-test-1")],
      }),
    );
    expect(created.replayed).toBe(false);
    expect(created.submission).toMatchObject({ stateCode: "FR", status: "pending", authorId: fr.id, version: 1 });
    expect(created.changes).toHaveLength(2);
    expect(created.changes[0]).toMatchObject({ entity: "national_measure", operation: "update", recordId: before.id, baseVersion: before.version });
    expect(created.changes[1]).toMatchObject({ operation: "create", recordId: null, baseVersion: null });
    // Nothing reached the inventory yet.
    expect(measure("fr-loi-78-17").titleEnglish).toBe(before.titleEnglish);
    expect(h.db.select().from(nationalMeasures).where(eq(nationalMeasures.key, "fr-decret-test-1")).get()).toBeUndefined();
    const event = h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "submission"), eq(auditEvents.recordId, String(created.submission.id))))
      .get()!;
    expect(event).toMatchObject({ action: "submission.create", actorId: fr.id, submissionId: created.submission.id });
  });

  it("refuses invalid payloads with field paths, before anything is stored", () => {
    const result = submissionInput.safeParse({
      message: "x",
      changes: [{ entity: "national_measure", operation: "create", payload: { stateCode: "FR", key: "BAD KEY" } }],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("changes.0.payload.key");
    expect(paths).toContain("changes.0.payload.titleOriginal");
    // Mass assignment: fields outside the entity's schema are refused, e.g. a version or an id in the payload.
    const extra = submissionInput.safeParse({
      message: "x",
      changes: [{ ...newMeasure("FR", "fr-extra-1"), payload: { ...newMeasure("FR", "fr-extra-1").payload, version: 9, id: 1 } }],
    });
    expect(extra.success).toBe(false);
    expect(submissionInput.safeParse({ message: "x", changes: [{ ...newMeasure("FR", "fr-extra-2"), authorId: 1 }] }).success).toBe(false);
    expect(submissionInput.safeParse({ message: "x", stateCode: "DE", changes: [newMeasure("FR", "fr-extra-3")] }).success).toBe(false);
  });

  it("checks references against the inventory: an unknown instrument is refused at submission time", () => {
    // Directive (EU) 2019/790 (copyright in the Digital Single Market): not in the inventory.
    const notInInventory = "32019L0790";
    expect(h.db.select().from(instruments).where(eq(instruments.celex, notInInventory)).get()).toBeUndefined();
    const bad = newMeasure("FR", "fr-decret-test-ref");
    bad.payload.instruments = [notInInventory];
    const n = submissionCount();
    expect(() => createSubmission(h.db, fr, input({ message: "x", changes: [bad] }))).toThrow(InvalidReferenceError);
    expect(submissionCount()).toBe(n);
  });
});

describe("a regulator's scope", () => {
  it("cannot propose for another state through the payload's stateCode", () => {
    const n = submissionCount();
    const audits = auditCount();
    expect(() => createSubmission(h.db, fr, input({ message: "x", changes: [newMeasure("DE", "de-sneaky-1")] }))).toThrow(OutOfScopeError);
    expect(submissionCount()).toBe(n);
    expect(auditCount()).toBe(audits);
  });

  it("cannot change a German record by its id, even with a French payload", () => {
    const bdsg = measure("de-bdsg-2001");
    const crafted = {
      entity: "national_measure",
      operation: "update",
      recordId: bdsg.id,
      baseVersion: bdsg.version,
      payload: { ...payloadOf(bdsg, measureInput), stateCode: "FR", key: "fr-hijacked" },
    };
    expect(() => createSubmission(h.db, fr, input({ message: "x", changes: [crafted] }))).toThrow(OutOfScopeError);
    const deletion = { entity: "national_measure", operation: "delete", recordId: bdsg.id, baseVersion: bdsg.version };
    expect(() => createSubmission(h.db, fr, input({ message: "x", changes: [deletion] }))).toThrow(OutOfScopeError);
    const deT = firstTransposition("DE");
    const crafedT = {
      entity: "transposition",
      operation: "update",
      recordId: deT.id,
      baseVersion: deT.version,
      payload: { ...payloadOf(deT, transpositionInput), stateCode: "FR", measureKeys: [] },
    };
    expect(() => createSubmission(h.db, fr, input({ message: "x", changes: [crafedT] }))).toThrow(OutOfScopeError);
    expect(measure("de-bdsg-2001")).toEqual(bdsg);
  });

  it("cannot move its own record to another state, nor cite another state's measures", () => {
    expect(() =>
      createSubmission(h.db, fr, input({ message: "x", changes: [measureUpdate("fr-loi-78-17", { stateCode: "DE", key: "de-loi-78-17" })] })),
    ).toThrow(OutOfScopeError);
    const frT = firstTransposition("FR");
    const citesGerman = submissionInput.safeParse({
      message: "x",
      changes: [
        {
          entity: "transposition",
          operation: "update",
          recordId: frT.id,
          baseVersion: frT.version,
          payload: { ...payloadOf(frT, transpositionInput), measureKeys: ["de-bdsg-2001"] },
        },
      ],
    });
    expect(citesGerman.success).toBe(false);
  });

  it("is refused as crafted JSON through the whole parse path (role and state come from the actor, not the body)", () => {
    const body = JSON.parse(JSON.stringify({ message: "x", changes: [newMeasure("DE", "de-crafted-1")] }));
    expect(() => createSubmission(h.db, fr, input(body))).toThrow(OutOfScopeError);
    expect(() => createSubmission(h.db, editor, input({ message: "x", changes: [newMeasure("FR", "fr-by-editor")] }))).toThrow(ForbiddenError);
    expect(() => createSubmission(h.db, researcher, input({ message: "x", changes: [newMeasure("FR", "fr-by-researcher")] }))).toThrow(ForbiddenError);
  });

  it("lists and finds only its own state's submissions", () => {
    const deSub = createSubmission(h.db, de, input({ message: "German note", changes: [measureUpdate("de-bdsg-2001", { note: "Checked." })] })).submission;
    const frScope = submissionScopeFor(fr);
    expect(frScope).toEqual({ kind: "state", stateCode: "FR" });
    expect(listSubmissions(h.db, frScope).every((s) => s.stateCode === "FR")).toBe(true);
    expect(findSubmission(h.db, deSub.id, frScope)).toBeUndefined();
    expect(findSubmission(h.db, deSub.id, submissionScopeFor(editor))?.stateCode).toBe("DE");
    expect(() => submissionScopeFor(researcher)).toThrow(ForbiddenError);
    rejectSubmission(h.db, editor, deSub.id, deSub.version, "Test cleanup.");
  });
});

describe("idempotency", () => {
  it("a double submit with the same key creates one submission", () => {
    const body = { message: "Once only", idempotencyKey: "draft-0001-abcdef", changes: [newMeasure("FR", "fr-decret-idem")] };
    const n = submissionCount();
    const first = createSubmission(h.db, fr, input(body));
    const second = createSubmission(h.db, fr, input(body));
    expect(second.replayed).toBe(true);
    expect(second.submission.id).toBe(first.submission.id);
    expect(submissionCount()).toBe(n + 1);
    expect(() => createSubmission(h.db, fr, input({ ...body, message: "Something else" }))).toThrow(IdempotencyKeyReuseError);
    // Keys are per author: another regulator using the same key gets its own submission.
    const other = createSubmission(h.db, de, input({ ...body, changes: [newMeasure("DE", "de-decret-idem")] }));
    expect(other.submission.id).not.toBe(first.submission.id);
    rejectSubmission(h.db, editor, first.submission.id, 1, "cleanup");
    rejectSubmission(h.db, editor, other.submission.id, 1, "cleanup");
  });
});

describe("review", () => {
  it("approval applies every change in one transaction, audited with the submission and the reviewer", () => {
    const { submission } = createSubmission(
      h.db,
      fr,
      input({
        message: "Approve me",
        changes: [measureUpdate("fr-loi-2004-801", { note: "Updated by the regulator." }), newMeasure("FR", "fr-decret-approved")],
      }),
    );
    const version = measure("fr-loi-2004-801").version;
    const approved = approveSubmission(h.db, editor, submission.id, submission.version, { requestId: "req-1" });
    expect(approved).toMatchObject({ status: "approved", reviewerId: editor.id, version: submission.version + 1 });
    expect(measure("fr-loi-2004-801")).toMatchObject({ note: "Updated by the regulator.", version: version + 1 });
    expect(measure("fr-decret-approved").stateCode).toBe("FR");
    const events = h.db.select().from(auditEvents).where(eq(auditEvents.submissionId, submission.id)).orderBy(auditEvents.id).all();
    expect(events.map((e) => `${e.entity}:${e.action}`)).toEqual([
      "submission:submission.create",
      "national_measure:update",
      "national_measure:create",
      "submission:submission.approve",
    ]);
    expect(events.slice(1).every((e) => e.actorId === editor.id)).toBe(true);
    expect((events[1]!.before as { note: string | null }).note).not.toBe("Updated by the regulator.");
    expect((events[1]!.after as { note: string }).note).toBe("Updated by the regulator.");
    expect(events[3]).toMatchObject({ before: expect.objectContaining({ status: "pending" }), after: expect.objectContaining({ status: "approved" }) });
    expect(() => approveSubmission(h.db, editor, submission.id, approved.version)).toThrow(SubmissionStatusError);
  });

  it("flags a change whose record moved past its base version, and refuses to approve it", () => {
    const { submission } = createSubmission(
      h.db,
      fr,
      input({ message: "Will conflict", changes: [measureUpdate("fr-loi-2000-230", { note: "Regulator's note." })] }),
    );
    const current = measure("fr-loi-2000-230");
    updateRecord(h.db, measureWriter, current.id, current.version, { ...payloadOf(current, measureInput), note: "Editor's note." } as never, {
      actor: editor,
    });
    const review = reviewChanges(h.db, "FR", findSubmission(h.db, submission.id, { kind: "all" })!.changes);
    expect(review[0]!.conflict).toEqual({ kind: "changed", currentVersion: current.version + 1 });
    const audits = auditCount();
    expect(() => approveSubmission(h.db, editor, submission.id, submission.version)).toThrow(SubmissionConflictError);
    expect(measure("fr-loi-2000-230").note).toBe("Editor's note.");
    expect(auditCount()).toBe(audits);
    expect(findSubmission(h.db, submission.id, { kind: "all" })!.status).toBe("pending");
  });

  it("is all-or-nothing: when a later change fails, the earlier ones are rolled back", () => {
    const before = measure("fr-loi-78-17");
    const { submission } = createSubmission(
      h.db,
      fr,
      input({ message: "Half fails", changes: [measureUpdate("fr-loi-78-17", { note: "Should never land." }), newMeasure("FR", "fr-decret-clash")] }),
    );
    // After submission, staff create a measure with the same key: the second change now fails while applying.
    createRecord(h.db, measureWriter, newMeasure("FR", "fr-decret-clash").payload as never, { actor: editor });
    const audits = auditCount();
    expect(() => approveSubmission(h.db, editor, submission.id, submission.version)).toThrow(InvalidReferenceError);
    expect(measure("fr-loi-78-17")).toEqual(before);
    expect(auditCount()).toBe(audits);
    expect(
      h.db
        .select({ n: sql<number>`count(*)` })
        .from(auditEvents)
        .where(and(eq(auditEvents.submissionId, submission.id), eq(auditEvents.entity, "national_measure")))
        .get()!.n,
    ).toBe(0);
    expect(findSubmission(h.db, submission.id, { kind: "all" })).toMatchObject({ status: "pending", version: submission.version });
  });

  it("refuses a stale reviewer form and a review by a regulator", () => {
    const { submission } = createSubmission(h.db, fr, input({ message: "Stale", changes: [newMeasure("FR", "fr-decret-stale")] }));
    expect(() => rejectSubmission(h.db, editor, submission.id, submission.version + 1, "no")).toThrow(ConflictError);
    expect(() => approveSubmission(h.db, fr, submission.id, submission.version)).toThrow(ForbiddenError);
    expect(() => approveSubmission(h.db, de, submission.id, submission.version)).toThrow(ForbiddenError);
    const rejected = rejectSubmission(h.db, admin, submission.id, submission.version, "Not sourced.");
    expect(rejected).toMatchObject({ status: "rejected", reviewComment: "Not sourced.", reviewerId: admin.id });
    const event = h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.submissionId, submission.id), eq(auditEvents.action, "submission.reject")))
      .get()!;
    expect(event).toMatchObject({ reason: "Not sourced.", actorId: admin.id });
    expect(h.db.select().from(nationalMeasures).where(eq(nationalMeasures.key, "fr-decret-stale")).get()).toBeUndefined();
  });

  it("sent back for changes: only its author may revise it, and only then; it returns to pending", () => {
    const { submission } = createSubmission(h.db, fr, input({ message: "First try", changes: [newMeasure("FR", "fr-decret-revise")] }));
    expect(() =>
      reviseSubmission(h.db, fr, submission.id, submission.version, {
        message: "too early",
        changes: input({ message: "x", changes: [newMeasure("FR", "fr-decret-revise")] }).changes,
      }),
    ).toThrow(SubmissionStatusError);
    const sentBack = requestChanges(h.db, editor, submission.id, submission.version, "Add the official URL.");
    expect(sentBack).toMatchObject({ status: "changes_requested", reviewComment: "Add the official URL." });
    const revisedChange = {
      ...newMeasure("FR", "fr-decret-revise"),
      payload: { ...newMeasure("FR", "fr-decret-revise").payload, url: "https://www.legifrance.gouv.fr/" },
    };
    const changes = input({ message: "x", changes: [revisedChange] }).changes;
    expect(() => reviseSubmission(h.db, fr2, submission.id, sentBack.version, { message: "Not mine", changes })).toThrow(ForbiddenError);
    expect(() => reviseSubmission(h.db, de, submission.id, sentBack.version, { message: "Not mine", changes })).toThrow();
    const revised = reviseSubmission(h.db, fr, submission.id, sentBack.version, { message: "With the URL", changes });
    expect(revised).toMatchObject({ status: "pending", message: "With the URL", version: sentBack.version + 1 });
    const stored = h.db.select().from(submissionChanges).where(eq(submissionChanges.submissionId, submission.id)).all();
    expect(stored).toHaveLength(1);
    expect((stored[0]!.payload as { url: string }).url).toBe("https://www.legifrance.gouv.fr/");
    const actions = h.db
      .select({ a: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.submissionId, submission.id))
      .orderBy(auditEvents.id)
      .all()
      .map((e) => e.a);
    expect(actions).toEqual(["submission.create", "submission.request_changes", "submission.revise"]);
    approveSubmission(h.db, editor, submission.id, revised.version);
    expect(measure("fr-decret-revise").url).toBe("https://www.legifrance.gouv.fr/");
  });

  it("refuses to draft from a stale version at submission time", () => {
    const current = measure("fr-loi-78-17");
    const stale = { ...measureUpdate("fr-loi-78-17", { note: "stale" }), baseVersion: current.version - 1 || 99 };
    expect(() => createSubmission(h.db, fr, input({ message: "stale", changes: [stale] }))).toThrow(SubmissionConflictError);
  });

  it("applies deletions and transposition updates too, and leaves the German records untouched", () => {
    const deBefore = h.db.select().from(nationalMeasures).where(eq(nationalMeasures.stateCode, "DE")).all();
    const deTBefore = h.db.select().from(transpositions).where(eq(transpositions.stateCode, "DE")).all();
    const frT = firstTransposition("FR");
    const doomed = measure("fr-decret-approved");
    const { submission } = createSubmission(
      h.db,
      fr,
      input({
        message: "Relation assessed; remove a duplicate",
        changes: [
          {
            entity: "transposition",
            operation: "update",
            recordId: frT.id,
            baseVersion: frT.version,
            payload: { ...payloadOf(frT, transpositionInput), relation: "superset" },
          },
          { entity: "national_measure", operation: "delete", recordId: doomed.id, baseVersion: doomed.version },
        ],
      }),
    );
    approveSubmission(h.db, editor, submission.id, submission.version);
    expect(transpositionWriter.snapshot(h.db, frT.id)).toMatchObject({ relation: "superset", version: frT.version + 1 });
    expect(measureWriter.snapshot(h.db, doomed.id)).toBeUndefined();
    const deletion = h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.submissionId, submission.id), eq(auditEvents.action, "delete")))
      .get()!;
    expect(deletion.before).toMatchObject({ key: "fr-decret-approved" });
    expect(h.db.select().from(nationalMeasures).where(eq(nationalMeasures.stateCode, "DE")).all()).toEqual(deBefore);
    expect(h.db.select().from(transpositions).where(eq(transpositions.stateCode, "DE")).all()).toEqual(deTBefore);
  });

  it("flags a change whose record was deleted meanwhile as gone", () => {
    const created = createSubmission(h.db, fr, input({ message: "target", changes: [newMeasure("FR", "fr-decret-gone")] }));
    approveSubmission(h.db, editor, created.submission.id, 1);
    const { submission } = createSubmission(h.db, fr, input({ message: "update it", changes: [measureUpdate("fr-decret-gone", { note: "n" })] }));
    const target = measure("fr-decret-gone");
    deleteRecord(h.db, measureWriter, target.id, target.version, { actor: editor });
    expect(reviewChanges(h.db, "FR", findSubmission(h.db, submission.id, { kind: "all" })!.changes)[0]!.conflict).toEqual({ kind: "gone" });
    expect(() => approveSubmission(h.db, editor, submission.id, submission.version)).toThrow(SubmissionConflictError);
  });
});
