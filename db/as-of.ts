/** The "as of" rules of lib/as-of.ts as SQL conditions, for queries that filter in the database. */
import { and, isNull, or, sql, type SQL } from "drizzle-orm";
import { instruments, memberStates, nationalMeasures, notifications, transpositionMeasures, transpositions } from "./schema";
import { undatedCount, type AsOf } from "@/lib/as-of";

/** Measures that existed and were not repealed on the date. */
export function measureCountsAsOf(asOf: AsOf): SQL {
  const known = sql`coalesce(${nationalMeasures.adoptedOn}, ${nationalMeasures.publishedOn}, ${nationalMeasures.inForceOn})`;
  const existed = undatedCount(asOf) ? or(isNull(known), sql`${known} <= ${asOf.date}`)! : sql`${known} <= ${asOf.date}`;
  return and(existed, or(isNull(nationalMeasures.repealedOn), sql`${nationalMeasures.repealedOn} > ${asOf.date}`))!;
}

/** The same rule for a measure row reached under an alias (e.g. in an EXISTS subquery), given its table name. */
export function measureCountsAsOfAlias(alias: string, asOf: AsOf): SQL {
  const col = (name: string) => sql`${sql.identifier(alias)}.${sql.identifier(name)}`;
  const known = sql`coalesce(${col("adopted_on")}, ${col("published_on")}, ${col("in_force_on")})`;
  const existed = undatedCount(asOf) ? sql`(${known} is null or ${known} <= ${asOf.date})` : sql`${known} <= ${asOf.date}`;
  return sql`(${existed} and (${col("repealed_on")} is null or ${col("repealed_on")} > ${asOf.date}))`;
}

export function notificationCountsAsOf(asOf: AsOf): SQL {
  return undatedCount(asOf)
    ? or(isNull(notifications.notifiedOn), sql`${notifications.notifiedOn} <= ${asOf.date}`)!
    : sql`${notifications.notifiedOn} <= ${asOf.date}`;
}

export function stateIsMemberAsOf(asOf: AsOf): SQL {
  return and(sql`${memberStates.accessionDate} <= ${asOf.date}`, or(isNull(memberStates.exitDate), sql`${memberStates.exitDate} > ${asOf.date}`))!;
}

export function instrumentCountsAsOf(asOf: AsOf): SQL {
  return sql`${instruments.adoptionDate} <= ${asOf.date}`;
}

/**
 * A correspondence counts as of a date when no measure is cited, or one cited measure counts then (lib/as-of.ts).
 * Decided from the row's window (transpositions.counts_*, kept by the triggers of migration 0008), which the
 * state and status indexes hold too; only rows whose measures are not one window read them.
 */
export function transpositionCountsAsOf(asOf: AsOf): SQL {
  return sql`(case when ${transpositions.countsByWindow}
    then ${windowCountsAsOf(asOf)}
    else exists (select 1 from ${transpositionMeasures} tm1 join ${nationalMeasures} m on m.id = tm1.measure_id where tm1.transposition_id = ${transpositions.id} and ${measureCountsAsOfAlias("m", asOf)})
    end)`;
}

/** The rule for a row whose measures are one window (`counts_by_window`): the date falls inside it. */
export function windowCountsAsOf(asOf: AsOf): SQL {
  return sql`(${transpositions.countsFrom} is null or ${transpositions.countsFrom} <= ${asOf.date}) and (${transpositions.countsUntil} is null or ${transpositions.countsUntil} > ${asOf.date})`;
}
