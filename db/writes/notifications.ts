import { InvalidReferenceError } from "@/lib/errors";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, nationalMeasures, notifications, sources } from "../schema";
import type { Actor } from "../../lib/policy";
import type { NotificationInput } from "../../lib/validation/notification";
import type { EntityWriter, Snapshot } from "./entity";
import { storedDateColumns, toPartialDateText } from "../../lib/partial-date";
import { ensureSource } from "./sources";

function instrumentId(db: Db, celex: string): number {
  const row = db.select({ id: instruments.id }).from(instruments).where(eq(instruments.celex, celex)).get();
  if (!row) throw new InvalidReferenceError("instrument", `Unknown instrument ${celex}.`);
  return row.id;
}

function principalMeasureId(db: Db, n: NotificationInput): number | null {
  if (!n.principalMeasureKey) return null;
  const row = db
    .select({ id: nationalMeasures.id })
    .from(nationalMeasures)
    .where(and(eq(nationalMeasures.key, n.principalMeasureKey), eq(nationalMeasures.stateCode, n.stateCode)))
    .get();
  if (!row) throw new InvalidReferenceError("principalMeasureKey", `No measure of ${n.stateCode} has the key ${n.principalMeasureKey}.`);
  return row.id;
}

function columns(db: Db, actor: Actor, n: NotificationInput, exceptId?: number) {
  const instrument = instrumentId(db, n.instrument);
  const clash = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.stateCode, n.stateCode), eq(notifications.instrumentId, instrument), exceptId ? ne(notifications.id, exceptId) : undefined))
    .get();
  if (clash) throw new InvalidReferenceError("instrument", `${n.stateCode} already has a notification for ${n.instrument}; edit that one.`);
  return {
    stateCode: n.stateCode,
    instrumentId: instrument,
    status: n.status,
    ...storedDateColumns(n, ["notifiedOn"] as const),
    statusAsOf: n.statusAsOf,
    note: n.note,
    principalMeasureId: principalMeasureId(db, n),
    sourceId: ensureSource(db, actor, n),
    verification: n.verification,
  };
}

export const notificationWriter: EntityWriter<NotificationInput> = {
  entity: "notification",

  snapshot(db, id) {
    const row = db
      .select({
        n: notifications,
        celex: instruments.celex,
        principalMeasureKey: nationalMeasures.key,
        sourceUrl: sources.url,
        sourceTitle: sources.title,
        sourceMethod: sources.method,
      })
      .from(notifications)
      .innerJoin(instruments, eq(instruments.id, notifications.instrumentId))
      .leftJoin(nationalMeasures, eq(nationalMeasures.id, notifications.principalMeasureId))
      .innerJoin(sources, eq(sources.id, notifications.sourceId))
      .where(eq(notifications.id, id))
      .get();
    if (!row) return undefined;
    const { sourceId: _s, updatedAt: _u, instrumentId: _i, principalMeasureId: _p, notifiedOnPrecision, ...fields } = row.n;
    return {
      ...fields,
      notifiedOn: toPartialDateText(fields.notifiedOn, notifiedOnPrecision),
      instrument: row.celex,
      principalMeasureKey: row.principalMeasureKey,
      sourceUrl: row.sourceUrl,
      sourceTitle: row.sourceTitle,
      sourceMethod: row.sourceMethod,
    } satisfies Snapshot;
  },

  insert(db, actor, n) {
    return db
      .insert(notifications)
      .values(columns(db, actor, n))
      .returning({ id: notifications.id })
      .get().id;
  },

  update(db, actor, id, n) {
    db.update(notifications)
      .set({ ...columns(db, actor, n, id), version: sql`${notifications.version} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(notifications.id, id))
      .run();
  },

  remove(db, id) {
    db.delete(notifications).where(eq(notifications.id, id)).run();
  },
};
