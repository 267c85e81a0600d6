/**
 * Every table the open-data API serves: the four browse tables of
 * db/tables/<noun>.ts (reused as they are) and the tables without a browse
 * page, specified the same way, so `parseTableQuery` parses all of them.
 */
import { obligationsSpec } from "@/db/tables/obligations";
import { provisionsSpec } from "@/db/tables/provisions";
import { transpositionsSpec } from "@/db/tables/transpositions";
import { measuresSpec } from "@/db/tables/measures";
import type { TableSpec } from "@/lib/table-state";
import { notificationStatuses } from "@/lib/vocabulary";
import {
  indicatorColumns,
  infringementColumns,
  instrumentColumns,
  memberStateColumns,
  notificationColumns,
  type IndicatorRow,
  type InfringementListRow,
  type InstrumentListRow,
  type MemberStateListRow,
  type NotificationListRow,
} from "@/db/tables/columns";

export const notificationsSpec: TableSpec<NotificationListRow> = {
  path: "/api/v1/notifications",
  columns: notificationColumns,
  filters: ["state", "instrument", "status", "verification", "notified"],
  statuses: notificationStatuses,
  defaultSort: { id: "state", desc: false },
};

export const infringementsSpec: TableSpec<InfringementListRow> = {
  path: "/api/v1/infringements",
  columns: infringementColumns,
  filters: ["state", "instrument", "verification"],
  defaultSort: { id: "state", desc: false },
};

export const memberStatesSpec: TableSpec<MemberStateListRow> = {
  path: "/member-states",
  columns: memberStateColumns,
  filters: ["state"],
  defaultSort: { id: "code", desc: false },
};

export const instrumentsSpec: TableSpec<InstrumentListRow> = {
  path: "/instruments",
  columns: instrumentColumns,
  filters: ["instrument", "verification"],
  defaultSort: { id: "adoption_date", desc: false },
};

export const indicatorsSpec: TableSpec<IndicatorRow> = {
  path: "/charts",
  columns: indicatorColumns,
  filters: ["state"],
  defaultSort: { id: "state", desc: false },
};

export { measuresSpec, obligationsSpec, provisionsSpec, transpositionsSpec };
