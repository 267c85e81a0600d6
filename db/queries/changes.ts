/**
 * The public changes of the inventory, read from the audit trail for the feeds and the changes page: newest first,
 * filtered by day, Member State and instrument in SQL, paged by keyset. Only the event's record columns are selected
 * — never the actor, the submission or the reason — and lib/changes.ts keeps the public fields of each version.
 */
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { ChangesScopeProblem } from "@/lib/changes";
import type { Db } from "../client";
import { auditEvents, instruments, memberStates } from "../schema";
import { PUBLIC_CHANGE_ACTIONS, PUBLIC_CHANGE_ENTITIES, publicChange, type PublicChange } from "../../lib/changes";
import { provisionRef } from "../../lib/record-names";
import { recordNamer } from "./record-names";

export interface ChangesFilter {
  /** A day, YYYY-MM-DD: changes recorded on it or later (UTC). */
  since?: string;
  state?: string;
  /** An instrument's CELEX. */
  instrument?: string;
  before?: number;
  limit: number;
}

export interface NamedChange extends PublicChange {
  name: string;
}

const version = sql`coalesce(${auditEvents.after}, ${auditEvents.before})`;
// The seed recorded `state`, the writers `stateCode`.
const stateOf = sql`coalesce(json_extract(${version}, '$.stateCode'), json_extract(${version}, '$.state'))`;
/** Whether the recorded version is about the instrument: its own CELEX, a notification's or provision's instrument, a correspondence's provision, a measure's instruments. */
function isAbout(celex: string): SQL {
  return sql`(json_extract(${version}, '$.celex') = ${celex}
    or json_extract(${version}, '$.instrument') = ${celex}
    or json_extract(${version}, '$.successor') = ${celex}
    or json_extract(${version}, '$.by') = ${celex}
    or json_extract(${version}, '$.provision.instrument') = ${celex}
    or (json_type(${version}, '$.provision') = 'text' and json_extract(${version}, '$.provision') like ${`${celex} %`})
    or exists (select 1 from json_each(${version}, '$.instruments') where value = ${celex}))`;
}

export function listPublicChanges(db: Db, filter: ChangesFilter): { changes: NamedChange[]; nextBefore: number | null } {
  const where: SQL[] = [inArray(auditEvents.entity, [...PUBLIC_CHANGE_ENTITIES]), inArray(auditEvents.action, [...PUBLIC_CHANGE_ACTIONS])];
  if (filter.since) where.push(gte(auditEvents.at, filter.since));
  if (filter.before) where.push(lt(auditEvents.id, filter.before));
  if (filter.state) where.push(sql`${stateOf} = ${filter.state}`);
  if (filter.instrument) where.push(isAbout(filter.instrument));
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entity: auditEvents.entity,
      recordId: auditEvents.recordId,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit + 1)
    .all();
  const page = rows.slice(0, filter.limit);
  const name = changeNamer(db);
  const changes = page.flatMap((row) => {
    const change = publicChange(row);
    return change ? [{ ...change, name: name(change, (row.after ?? row.before) as Record<string, unknown> | null) }] : [];
  });
  return { changes, nextBefore: rows.length > filter.limit ? page[page.length - 1]!.id : null };
}

/** The time of the newest public change (the feed's `updated` when it has no entry in its filter). */
export function latestPublicChangeAt(db: Db): string | null {
  return (
    db
      .select({ at: auditEvents.at })
      .from(auditEvents)
      .where(and(inArray(auditEvents.entity, [...PUBLIC_CHANGE_ENTITIES]), inArray(auditEvents.action, [...PUBLIC_CHANGE_ACTIONS])))
      .orderBy(desc(auditEvents.id))
      .limit(1)
      .get()?.at ?? null
  );
}

/** Names records as people do: correspondences, notifications and measures by lib/record-names.ts, the reference records by their instrument. */
function changeNamer(db: Db) {
  const records = recordNamer(db);
  const instrumentNames = new Map<string, string>();
  const stateNames = new Map<string, string>();
  const instrumentName = (celex: unknown) => {
    if (typeof celex !== "string" || !celex) return "";
    if (!instrumentNames.has(celex))
      instrumentNames.set(celex, db.select({ name: instruments.shortName }).from(instruments).where(eq(instruments.celex, celex)).get()?.name ?? celex);
    return instrumentNames.get(celex)!;
  };
  const stateName = (code: unknown) => {
    if (typeof code !== "string" || !code) return "";
    if (!stateNames.has(code))
      stateNames.set(code, db.select({ name: memberStates.name }).from(memberStates).where(eq(memberStates.code, code)).get()?.name ?? code);
    return stateNames.get(code)!;
  };
  return (change: PublicChange, raw: Record<string, unknown> | null): string => {
    const r = change.record;
    switch (change.entity) {
      case "national_measure":
      case "transposition":
      case "notification":
        return records.name(change.entity, raw);
      case "instrument":
        return typeof r.shortName === "string" && r.shortName ? r.shortName : instrumentName(r.celex);
      case "provision":
        return [instrumentName(r.instrument), provisionRef(typeof r.kind === "string" ? r.kind : null, typeof r.number === "string" ? r.number : null)]
          .filter(Boolean)
          .join(" ");
      case "infringement":
        return [`${instrumentName(r.instrument)} infringement`, typeof r.courtCase === "string" ? r.courtCase : null, stateName(r.stateCode)]
          .filter(Boolean)
          .join(" — ");
      case "instrument_lineage":
        return [instrumentName(r.instrument), typeof r.relation === "string" ? r.relation.replace(/_/g, " ") : null, instrumentName(r.successor)]
          .filter(Boolean)
          .join(" ");
    }
  };
}

export type ChangesScope =
  | { ok: true; state: { code: string; name: string } | null; instrument: { celex: string; shortName: string } | null }
  | { ok: false; problem: ChangesScopeProblem };

/** The state and instrument a feed or the changes page is filtered to, named; a code the inventory lacks is a problem to show. */
export function findChangesScope(db: Db, filter: { state?: string; instrument?: string }): ChangesScope {
  const state = filter.state
    ? (db.select({ code: memberStates.code, name: memberStates.name }).from(memberStates).where(eq(memberStates.code, filter.state)).get() ?? null)
    : null;
  if (filter.state && !state) return { ok: false, problem: { code: "noState", value: filter.state } };
  const instrument = filter.instrument
    ? (db.select({ celex: instruments.celex, shortName: instruments.shortName }).from(instruments).where(eq(instruments.celex, filter.instrument)).get() ??
      null)
    : null;
  if (filter.instrument && !instrument) return { ok: false, problem: { code: "noInstrument", value: filter.instrument } };
  return { ok: true, state, instrument };
}
