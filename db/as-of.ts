/** The "as of" rules of lib/as-of.ts as SQL conditions, for queries that filter in the database. */
import { and, isNull, or, sql, type SQL } from "drizzle-orm";
import { instruments, memberStates, nationalMeasures, notifications } from "./schema";
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
