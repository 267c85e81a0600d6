import { and, desc, eq, gte, lt, lte, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { auditEvents } from "../schema";

export type AuditEvent = typeof auditEvents.$inferSelect;

export function listEventsForRecord(db: Db, entity: string, recordId: number): AuditEvent[] {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.recordId, String(recordId))))
    .orderBy(desc(auditEvents.id))
    .all();
}

export function findEvent(db: Db, id: number): AuditEvent | undefined {
  return db.select().from(auditEvents).where(eq(auditEvents.id, id)).get();
}

export interface AuditFilter {
  entity?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Keyset pagination: events with a smaller id than this. */
  before?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export function listRecentEvents(db: Db, filter: AuditFilter): AuditEvent[] {
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(auditEvents.entity, filter.entity));
  if (filter.actor) conditions.push(eq(auditEvents.actorLabel, filter.actor));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.from) conditions.push(gte(auditEvents.at, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.at, `${filter.to}T23:59:59.999Z`));
  if (filter.before) conditions.push(lt(auditEvents.id, filter.before));
  return db
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .all();
}
