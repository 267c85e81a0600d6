/**
 * What the EUR-Lex import needs to know of the inventory to build its preview (lib/eurlex/plan.ts): the
 * instrument, the measures a notified measure could match — looked up by measure number, key, national
 * identifier, and state with date of the act, never by reading every measure — and the notifications.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { instrumentLineage, instruments, memberStates, nationalMeasures, notifications } from "../schema";
import type { NotifiedMeasure } from "@/lib/eurlex/map";
import { importedMeasureKey, type ExistingMeasure, type PlanContext } from "@/lib/eurlex/plan";
import { toPartialDateText } from "@/lib/partial-date";

const json = (values: unknown[]) => JSON.stringify(values);

export function loadPlanContext(db: Db, celex: string, retrievedAt: string, notified: NotifiedMeasure[]): PlanContext {
  const all = db.select({ id: instruments.id, celex: instruments.celex, shortName: instruments.shortName }).from(instruments).all();
  const existing = all.find((i) => i.celex === celex) ?? null;
  const byId = new Map(all.map((i) => [i.id, i.celex]));
  const lineagePairs = new Set(
    db
      .select({ a: instrumentLineage.instrumentId, relation: instrumentLineage.relation, b: instrumentLineage.successorId })
      .from(instrumentLineage)
      .all()
      .map((l) => `${byId.get(l.a)}|${l.relation}|${byId.get(l.b)}`),
  );
  const states = new Set(
    db
      .select({ code: memberStates.code })
      .from(memberStates)
      .all()
      .map((s) => s.code),
  );

  const withState = notified.filter((m) => m.stateCode);
  const stateList = [...new Set(withState.map((m) => m.stateCode!))];
  const keys = withState.map((m) => importedMeasureKey(m.stateCode!, m.celex, new Set()));
  const identifiers = [...new Set(withState.flatMap((m) => [m.referenceMemberState, m.localId]).filter((v): v is string => !!v))];
  const datesByState = new Map<string, Set<string>>();
  for (const m of withState) if (m.adoptedOn) (datesByState.get(m.stateCode!) ?? datesByState.set(m.stateCode!, new Set()).get(m.stateCode!)!).add(m.adoptedOn);

  const ids = new Set<number>();
  const collect = (rows: { id: number }[]) => rows.forEach((r) => ids.add(r.id));
  const c = db.$client;
  collect(
    c
      .prepare("select id from national_measures where eur_lex_nim_number is not null and state_code in (select value from json_each(?))")
      .all(json(stateList)) as { id: number }[],
  );
  collect(c.prepare("select id from national_measures where key in (select value from json_each(?))").all(json(keys)) as { id: number }[]);
  collect(
    c
      .prepare(
        "select id from national_measures where state_code in (select value from json_each(?)) and trim(national_identifier) in (select value from json_each(?))",
      )
      .all(json(stateList), json(identifiers)) as { id: number }[],
  );
  const byDate = c.prepare("select id from national_measures where state_code = ? and adopted_on in (select value from json_each(?))");
  for (const [state, dates] of datesByState) collect(byDate.all(state, json([...dates])) as { id: number }[]);

  const candidates: ExistingMeasure[] = [];
  if (ids.size) {
    const rows = c
      .prepare(
        `select m.id, m.version, m.key, m.state_code as stateCode, m.verification, m.title_original as titleOriginal, m.national_identifier as nationalIdentifier,
                m.adopted_on as adoptedOn, m.adopted_on_precision as adoptedOnPrecision, m.published_on as publishedOn, m.published_on_precision as publishedOnPrecision,
                m.in_force_on as inForceOn, m.in_force_on_precision as inForceOnPrecision, m.notified_on as notifiedOn, m.notified_on_precision as notifiedOnPrecision,
                m.publication_reference as publicationReference, m.url, m.eli, m.eur_lex_nim_number as eurLexNimNumber,
                (select json_group_array(i.celex) from measure_instruments mi join instruments i on i.id = mi.instrument_id where mi.measure_id = m.id) as instruments
         from national_measures m where m.id in (select value from json_each(?))`,
      )
      .all(json([...ids])) as (Omit<ExistingMeasure, "instruments"> & { instruments: string } & Record<
        `${"adoptedOn" | "publishedOn" | "inForceOn" | "notifiedOn"}Precision`,
        "day" | "month" | "year" | null
      >)[];
    for (const r of rows) {
      candidates.push({
        id: r.id,
        version: r.version,
        key: r.key,
        stateCode: r.stateCode,
        verification: r.verification,
        titleOriginal: r.titleOriginal,
        nationalIdentifier: r.nationalIdentifier,
        adoptedOn: toPartialDateText(r.adoptedOn, r.adoptedOnPrecision),
        publishedOn: toPartialDateText(r.publishedOn, r.publishedOnPrecision),
        inForceOn: toPartialDateText(r.inForceOn, r.inForceOnPrecision),
        notifiedOn: toPartialDateText(r.notifiedOn, r.notifiedOnPrecision),
        publicationReference: r.publicationReference,
        url: r.url,
        eli: r.eli,
        eurLexNimNumber: r.eurLexNimNumber,
        instruments: (JSON.parse(r.instruments) as string[]).sort(),
      });
    }
  }

  // Keys of this import's would-be measures that are taken (a new measure then gets -2, -3…).
  const takenKeys = new Set(c.prepare("select key from national_measures where key in (select value from json_each(?))").pluck().all(json(keys)) as string[]);

  const notificationRows = existing
    ? db
        .select({
          id: notifications.id,
          version: notifications.version,
          stateCode: notifications.stateCode,
          notifiedOn: notifications.notifiedOn,
          notifiedOnPrecision: notifications.notifiedOnPrecision,
          principalKey: nationalMeasures.key,
        })
        .from(notifications)
        .leftJoin(nationalMeasures, eq(nationalMeasures.id, notifications.principalMeasureId))
        .where(eq(notifications.instrumentId, existing.id))
        .all()
    : [];

  return {
    celex,
    retrievedAt,
    existingInstrument: existing ? { celex: existing.celex, shortName: existing.shortName } : null,
    inventoryInstruments: new Map(all.map((i) => [i.celex, i.shortName])),
    lineagePairs,
    memberStates: states,
    candidates,
    notifications: notificationRows.map((n) => ({
      id: n.id,
      version: n.version,
      stateCode: n.stateCode,
      notifiedOn: toPartialDateText(n.notifiedOn, n.notifiedOnPrecision),
      principalMeasureKey: n.principalKey,
    })),
    takenKeys,
  };
}
