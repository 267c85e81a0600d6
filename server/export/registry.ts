/**
 * The tables of the open-data API and the CSV export: for each, its spec
 * (columns, filters, default order), where its rows come from (one SQL
 * statement, or lib/indicators in memory) and the zod schema of one JSON row,
 * from which the OpenAPI document is generated.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  infringementSource,
  instrumentSource,
  measureSource,
  memberStateSource,
  notificationSource,
  obligationSource,
  provisionSource,
  transpositionSource,
  type RowSource,
} from "@/db/queries/export";
import { indicatorItem, indicatorsSpec } from "@/db/tables/indicators";
import { infringementItem, infringementsSpec } from "@/db/tables/infringements";
import { instrumentItem, instrumentsSpec } from "@/db/tables/instruments";
import { measureItem, measuresSpec } from "@/db/tables/measures";
import { memberStateItem, memberStatesSpec } from "@/db/tables/member-states";
import { notificationItem, notificationsSpec } from "@/db/tables/notifications";
import { obligationItem, obligationsSpec } from "@/db/tables/obligations";
import { provisionItem, provisionsSpec } from "@/db/tables/provisions";
import { transpositionItem, transpositionsSpec } from "@/db/tables/transpositions";
import type { AsOf } from "@/lib/as-of";
import type { TableQuery, TableSpec } from "@/lib/table-state";
import { indicatorRows } from "@/server/export/indicators";

export const itemSchemas = {
  "member-states": memberStateItem,
  instruments: instrumentItem,
  provisions: provisionItem,
  obligations: obligationItem,
  measures: measureItem,
  transpositions: transpositionItem,
  notifications: notificationItem,
  infringements: infringementItem,
  indicators: indicatorItem,
} as const;

export const tableNames = [
  "member-states",
  "instruments",
  "provisions",
  "obligations",
  "measures",
  "transpositions",
  "notifications",
  "infringements",
  "indicators",
] as const;
export type TableName = (typeof tableNames)[number];

/** Tables with a CSV export at /api/v1/export/<name>.csv. */
export const exportTableNames = [
  "measures",
  "transpositions",
  "provisions",
  "obligations",
  "notifications",
  "infringements",
  "indicators",
  "member-states",
  "instruments",
] as const satisfies readonly TableName[];

export interface ApiTable<Row> {
  name: TableName;
  title: string;
  description: string;
  spec: TableSpec<Row>;
  /** SQL-backed tables stream; in-memory ones are computed per request. */
  source: RowSource<Row> | null;
  rows?: (db: Db, query: TableQuery, asOf: AsOf) => Row[];
  /** The JSON value of a row's unique key (the cursor's tiebreaker for in-memory tables). */
  key: (row: Row) => string | number;
  item: z.ZodType;
}

function table<Row>(t: ApiTable<Row>): ApiTable<unknown> {
  return t as unknown as ApiTable<unknown>;
}

export const apiTables: Record<TableName, ApiTable<unknown>> = {
  "member-states": table({
    name: "member-states",
    title: "Member States",
    description: "Every state that has been a member, with accession and exit dates. With `as_of`, only the members on that date.",
    spec: memberStatesSpec,
    source: memberStateSource,
    key: (r) => r.code,
    item: itemSchemas["member-states"],
  }),
  instruments: table({
    name: "instruments",
    title: "Instruments",
    description: "The directives in the inventory, adopted by the as-of date.",
    spec: instrumentsSpec,
    source: instrumentSource,
    key: (r) => r.id,
    item: itemSchemas.instruments,
  }),
  provisions: table({
    name: "provisions",
    title: "Provisions",
    description: "Every article and annex, with counts of recorded correspondences among the filtered states.",
    spec: provisionsSpec,
    source: provisionSource,
    key: (r) => r.id,
    item: itemSchemas.provisions,
  }),
  obligations: table({
    name: "obligations",
    title: "Obligations",
    description: "Security duties imposed by the provisions, tagged with COM(2001)298 security properties and threats.",
    spec: obligationsSpec,
    source: obligationSource,
    key: (r) => r.id,
    item: itemSchemas.obligations,
  }),
  measures: table({
    name: "measures",
    title: "National measures",
    description: "National legal acts recorded as transposing the instruments.",
    spec: measuresSpec,
    source: measureSource,
    key: (r) => r.id,
    item: itemSchemas.measures,
  }),
  transpositions: table({
    name: "transpositions",
    title: "Correspondences (transpositions)",
    description:
      "Recorded correspondence rows: Member State × provision → status, national provision, relation, measures. A provision without a row is unknown (not assessed).",
    spec: transpositionsSpec,
    source: transpositionSource,
    key: (r) => r.id,
    item: itemSchemas.transpositions,
  }),
  notifications: table({
    name: "notifications",
    title: "Notifications",
    description: "Member State × instrument notification of transposition (complete, partial, none), counted from its date.",
    spec: notificationsSpec,
    source: notificationSource,
    key: (r) => r.id,
    item: itemSchemas.notifications,
  }),
  infringements: table({
    name: "infringements",
    title: "Infringement proceedings",
    description: "Proceedings with their stages; counted from their first dated stage.",
    spec: infringementsSpec,
    source: infringementSource,
    key: (r) => r.id,
    item: itemSchemas.infringements,
  }),
  indicators: table({
    name: "indicators",
    title: "Indicators",
    description: "Scoreboard-style indicators per Member State on the as-of date (lib/indicators; not official figures).",
    spec: indicatorsSpec,
    source: null,
    rows: indicatorRows,
    key: (r) => r.stateCode,
    item: itemSchemas.indicators,
  }),
};

export const isTableName = (v: string): v is TableName => (tableNames as readonly string[]).includes(v);
