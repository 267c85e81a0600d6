/**
 * Editions end to end below the browser: publishing is authorised and audited and freezes a copy; the Scoreboard's
 * change counts from the previous edition's published figures; a request viewing an edition reads the frozen copy
 * after later edits, and nothing can be written there.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
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
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-request-id": "edition-test" }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof RedirectSignal) throw error;
  },
}));

process.env.INVENTORY_DB_PATH = tempPath();
const { prepareDatabase } = await import("@/server/setup");
prepareDatabase(process.env.INVENTORY_DB_PATH, { demoAccounts: false });
const { getDb, getDbHandle, runInEditionScope } = await import("@/db/client");
const schema = await import("@/db/schema");
const { publishEditionAction } = await import("@/app/editions/actions");
const { IDLE } = await import("@/server/action");
const { resolveEditionScope, editionsDir, EDITION_READ_ONLY } = await import("@/db/editions");
const { updateRecord } = await import("@/db/writes/entity");
const { notificationWriter } = await import("@/db/writes/notifications");
const { notificationInput } = await import("@/lib/validation/notification");
const { loadDashboard } = await import("@/db/queries/dashboard");
const { listEditionFigures, findEdition } = await import("@/db/queries/editions");
const staff = await import("@/app/staff/actions");

const db = getDb();
const makeUser = (email: string, role: "editor" | "researcher" | "regulator" | "admin", state: string | null = null) => {
  const id = db.insert(schema.users).values({ email, name: email, role, memberStateCode: state, passwordHash: "x" }).returning().get().id;
  return { kind: "user" as const, id, email, name: email, role, memberStateCode: state };
};
const editor = makeUser("editions.editor@example.eu", "editor");
const researcher = makeUser("editions.researcher@example.eu", "researcher");
const regulator = makeUser("editions.regulator@example.eu", "regulator", "FR");

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
async function publish(actor: typeof editor | { kind: "anonymous" }, fields: Record<string, string>) {
  currentActor = actor;
  try {
    return await publishEditionAction(IDLE, form(fields));
  } catch (error) {
    if (error instanceof RedirectSignal) return { status: "redirect", url: error.url } as const;
    throw error;
  }
}
const publishEvents = () => db.select().from(schema.auditEvents).where(eq(schema.auditEvents.action, "edition.publish")).all();

/** France's notification of 95/46/EC (France notified late: complete from 2004). */
const frNotification = () =>
  db.$client
    .prepare("select n.id from notifications n join instruments i on i.id = n.instrument_id where n.state_code = 'FR' and i.celex = '31995L0046'")
    .pluck()
    .get() as number;

describe("publishing an edition", () => {
  it("is refused to anyone but editors and admins, and writes nothing then", async () => {
    for (const actor of [{ kind: "anonymous" as const }, researcher, regulator]) {
      const result = await publish(actor, { name: "2001-H1", reportingDate: "2001-06-30" });
      expect(result.status).toBe("error");
    }
    expect(db.select().from(schema.editions).all()).toHaveLength(0);
    expect(publishEvents()).toHaveLength(0);
  });

  it("validates the name and the date, field by field", async () => {
    for (const [fields, field] of [
      [{ name: "H2 2026", reportingDate: "2001-06-30" }, "name"],
      [{ name: "../2026", reportingDate: "2001-06-30" }, "name"],
      [{ name: "2026-H2", reportingDate: "2001-02-30" }, "reportingDate"],
      [{ name: "2026-H2", reportingDate: "2999-01-01" }, "reportingDate"],
    ] as const) {
      const result = await publish(editor, fields);
      expect(result.status).toBe("error");
      expect(result.status === "error" && result.fieldErrors?.[field], JSON.stringify(fields)).toBeTruthy();
    }
    expect(await publish(editor, { name: "2026-H2", reportingDate: "2001-06-30", role: "admin" })).toMatchObject({ status: "error" });
  });

  it("freezes a copy and the figures in one audited transaction; a name is never reused", async () => {
    const result = await publish(editor, { name: "2001-H1", reportingDate: "2001-06-30" });
    expect(result).toEqual({ status: "redirect", url: "/editions/2001-H1?notice=published" });
    const edition = findEdition(db, "2001-H1")!;
    expect(edition.datasetVersion).toMatch(/^v\d+$/);
    expect(existsSync(join(editionsDir(getDbHandle().path), edition.file))).toBe(true);
    // Nothing of the copy's making is left beside it.
    expect(readdirSync(editionsDir(getDbHandle().path)).filter((f) => f.includes("partial"))).toEqual([]);
    const figures = listEditionFigures(db, edition.id);
    expect(figures.map((f) => f.stateCode)).toContain("FR");
    const dashboard = loadDashboard(db, "2001-06-30", new Date().toISOString().slice(0, 10), "in-force");
    const fr = dashboard.figures.scoreboard.rows.find((r) => r.stateCode === "FR")!;
    expect(figures.find((f) => f.stateCode === "FR")).toMatchObject({ notTransposed: fr.deficit.notTransposedCount, assessed: fr.deficit.assessedCount });
    const [event] = publishEvents();
    expect(event).toMatchObject({ actorId: editor.id, entity: "edition", recordId: String(edition.id), requestId: "edition-test" });
    expect(event!.after).toMatchObject({ name: "2001-H1", reportingDate: "2001-06-30", datasetVersion: edition.datasetVersion });
    // Publishing is not a change of the data: the dataset version stays.
    const again = await publish(editor, { name: "2001-H1", reportingDate: "2001-12-31" });
    expect(again.status === "error" && again.fieldErrors?.name?.[0]).toMatch(/exists already/);
    expect(publishEvents()).toHaveLength(1);
    expect(() => db.$client.prepare("update editions set reporting_date = '2001-01-01'").run()).toThrow(/cannot be changed/);
    expect(() => db.$client.prepare("delete from edition_figures").run()).toThrow(/cannot be removed/);
  });
});

describe("the Scoreboard's change since the previous reporting date", () => {
  it("counts from the previous edition's published figures, not from the records as corrected since", async () => {
    // Correct the past after the edition: France's 95/46/EC notification becomes complete from 1998 (it was 2004).
    const id = frNotification();
    const current = notificationWriter.snapshot(db, id)!;
    updateRecord(
      db,
      notificationWriter,
      id,
      current.version,
      notificationInput.parse({
        stateCode: "FR",
        instrument: "31995L0046",
        status: "complete",
        notifiedOn: "1998-10-01",
        sourceMethod: "desk_research",
        verification: "unverified",
      }),
      { actor: editor },
    );
    const frozen = listEditionFigures(db, findEdition(db, "2001-H1")!.id).find((f) => f.stateCode === "FR")!;
    const today = new Date().toISOString().slice(0, 10);
    const { scoreboard } = loadDashboard(db, "2001-12-31", today, "in-force").figures;
    expect(scoreboard.previousEdition).toBe("2001-H1");
    expect(scoreboard.previousDate).toBe("2001-06-30");
    const fr = scoreboard.rows.find((r) => r.stateCode === "FR")!;
    expect(fr.change.notTransposedBefore).toBe(frozen.notTransposed);
    expect(fr.change.change).toBe(fr.deficit.notTransposedCount - frozen.notTransposed);
    // Recomputed from today's records the change would differ: the edition is what drives it.
    const recomputed = loadDashboard(db, "2001-06-30", today, "in-force").figures.scoreboard.rows.find((r) => r.stateCode === "FR")!;
    expect(recomputed.deficit.notTransposedCount).not.toBe(frozen.notTransposed);
    // Before any edition's reporting date there is none to count from: six months earlier, recomputed.
    const early = loadDashboard(db, "2001-06-30", today, "in-force").figures.scoreboard;
    expect(early.previousEdition).toBeNull();
    expect(early.previousDate).toBe("2000-12-30");
  });
});

describe("viewing the inventory as of an edition", () => {
  it("reads the frozen copy after later edits, and refuses every edit there", async () => {
    const id = frNotification();
    const live = notificationWriter.snapshot(db, id)!;
    expect(live.notifiedOn).toBe("1998-10-01");
    const scope = resolveEditionScope("2001-H1");
    expect("edition" in scope).toBe(true);
    const frozen = runInEditionScope(scope, () => notificationWriter.snapshot(getDb(), id)!);
    expect(frozen.notifiedOn).not.toBe("1998-10-01");
    expect(frozen.version).toBe(live.version - 1);
    // Awaited work inside the scope stays in it (a page's render awaits).
    const later = await runInEditionScope(scope, async () => {
      await new Promise((r) => setTimeout(r, 5));
      return notificationWriter.snapshot(getDb(), id)!.notifiedOn;
    });
    expect(later).toBe(frozen.notifiedOn);
    // The server action refuses with a message; a direct write on the copy is refused by its trigger.
    currentActor = editor;
    const refused = await runInEditionScope(scope, () =>
      staff.createNotification(
        IDLE,
        form({ stateCode: "FR", instrument: "31990L0388", status: "none", sourceMethod: "desk_research", verification: "unverified" }),
      ),
    );
    expect(refused).toMatchObject({ status: "error" });
    expect(refused.status === "error" && refused.formError).toMatch(/viewing edition 2001-H1/);
    expect(() =>
      runInEditionScope(scope, () =>
        updateRecord(
          getDb(),
          notificationWriter,
          id,
          frozen.version,
          notificationInput.parse({ stateCode: "FR", instrument: "31995L0046", status: "none", sourceMethod: "desk_research", verification: "unverified" }),
          { actor: editor },
        ),
      ),
    ).toThrow(EDITION_READ_ONLY);
    expect(runInEditionScope(scope, () => notificationWriter.snapshot(getDb(), id)!.version)).toBe(frozen.version);
    // Outside the scope, the live inventory.
    expect(notificationWriter.snapshot(getDb(), id)!.notifiedOn).toBe("1998-10-01");
    // A name no edition has reads the live inventory.
    expect(resolveEditionScope("2099-H1")).toEqual({ missing: "2099-H1" });
    expect(resolveEditionScope("../../etc")).toEqual({ missing: "../../etc" });
  });
});
