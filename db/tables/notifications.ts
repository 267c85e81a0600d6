/**
 * The notifications table (a Member State's notification of its transposition of an instrument), declared once:
 * the select, the row type inferred from it, the filters, the columns (sort allow-list, CSV) and the API item. It has
 * no browse page; the JSON API and the CSV export read this module.
 */
import { eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { instrumentCountsAsOf, notificationCountsAsOf } from "@/db/as-of";
import type { Db } from "@/db/client";
import { instruments, memberStates, nationalMeasures, notifications } from "@/db/schema";
import { celex, nullableDate, state, verification, type Fields, type RowOf, type RowsSelect } from "@/db/tables/fields";
import { inStates } from "@/db/queries/table-helpers";
import type { AsOf } from "@/lib/as-of";
import type { TableQuery, TableSpec } from "@/lib/table-state";
import type { ColumnSpec } from "@/lib/table-types";
import { notificationStatuses } from "@/lib/vocabulary";

export const notificationFields = {
  id: notifications.id,
  stateCode: notifications.stateCode,
  stateName: memberStates.name,
  celex: instruments.celex,
  shortName: instruments.shortName,
  status: notifications.status,
  notifiedOn: notifications.notifiedOn,
  principalMeasureKey: sql<string | null>`(select m.key from ${nationalMeasures} m where m.id = ${notifications.principalMeasureId})`,
  verification: notifications.verification,
};

export type NotificationRow = RowOf<typeof notificationFields>;

/** The FROM of every select of the table's rows. */
export function selectNotifications<F extends Fields>(db: Db, fields: F): RowsSelect<RowOf<F>> {
  const rows = db
    .select(fields as Fields)
    .from(notifications)
    .innerJoin(instruments, eq(instruments.id, notifications.instrumentId))
    .innerJoin(memberStates, eq(memberStates.code, notifications.stateCode));
  return rows as unknown as RowsSelect<RowOf<F>>;
}

export function notificationConditions(query: TableQuery, asOf: AsOf): SQL[] {
  const where: SQL[] = [instrumentCountsAsOf(asOf), notificationCountsAsOf(asOf), ...inStates(notifications.stateCode, query)];
  if (query.instrument) where.push(eq(instruments.celex, query.instrument));
  if (query.status.length) where.push(sql`${notifications.status} in ${query.status}`);
  if (query.verification) where.push(sql`${notifications.verification} = ${query.verification}`);
  if (query.notified.from) where.push(sql`${notifications.notifiedOn} >= ${query.notified.from}`);
  if (query.notified.to) where.push(sql`${notifications.notifiedOn} <= ${query.notified.to}`);
  return where;
}

export const notificationColumns: ColumnSpec<NotificationRow>[] = [
  { id: "state", header: "Member State", sortSql: notifications.stateCode, value: (r) => r.stateCode },
  { id: "instrument", header: "Instrument", sortSql: instruments.adoptionDate, value: (r) => r.celex },
  { id: "status", header: "Notification", sortSql: notifications.status, value: (r) => r.status },
  { id: "notified_on", header: "Notified", sortSql: notifications.notifiedOn, value: (r) => r.notifiedOn },
  { id: "principal_measure", header: "Principal measure", value: (r) => r.principalMeasureKey },
  { id: "verification", header: "Verification", sortSql: notifications.verification, value: (r) => r.verification },
];

export const notificationsSpec: TableSpec<NotificationRow> = {
  path: "/api/v1/notifications",
  columns: notificationColumns,
  filters: ["state", "instrument", "status", "verification", "notified"],
  statuses: notificationStatuses,
  defaultSort: { id: "state", desc: false },
};

/** One row of GET /api/v1/notifications. */
export const notificationItem = z.object({
  id: z.number().int(),
  stateCode: state,
  stateName: z.string(),
  celex,
  shortName: z.string(),
  status: z.enum(notificationStatuses),
  notifiedOn: nullableDate,
  principalMeasureKey: z.string().nullable(),
  verification,
});
