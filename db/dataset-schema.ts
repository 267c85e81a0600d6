/**
 * The full dataset download: every public table of the database as one CSV,
 * described by a Frictionless Table Schema derived from the drizzle schema
 * itself (field types, required, enums, primary and foreign keys), so the
 * package cannot disagree with the database. Private tables (users, tokens,
 * submissions, the audit trail) and private columns (who assessed a row, by
 * e-mail) are left out.
 */
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "@/db/schema";

export interface DatasetTable {
  name: string;
  table: SQLiteTable;
  description: string;
  /** Columns kept out of the public file. */
  omit?: string[];
}

export const datasetTables: DatasetTable[] = [
  {
    name: "sources",
    table: schema.sources,
    description: "Where each fact comes from, how it was established, and whether it was verified.",
    omit: ["key", "version"],
  },
  { name: "member_states", table: schema.memberStates, description: "States that have been members, with EU codes.", omit: ["version"] },
  { name: "instruments", table: schema.instruments, description: "The directives.", omit: ["version"] },
  { name: "provisions", table: schema.provisions, description: "Articles and annexes of the instruments.", omit: ["version"] },
  { name: "obligations", table: schema.obligations, description: "Security duties imposed by provisions.", omit: ["version"] },
  { name: "obligation_security_properties", table: schema.obligationSecurityProperties, description: "COM(2001)298 §2.1 properties of each obligation." },
  { name: "obligation_threats", table: schema.obligationThreats, description: "COM(2001)298 §2.2 threats each obligation answers." },
  { name: "provision_obligations", table: schema.provisionObligations, description: "Which provisions impose which obligations." },
  { name: "national_measures", table: schema.nationalMeasures, description: "National legal acts.", omit: ["version"] },
  { name: "measure_instruments", table: schema.measureInstruments, description: "Which instruments each national measure transposes." },
  {
    name: "transpositions",
    table: schema.transpositions,
    description: "The correspondence table: Member State × provision. A provision without a row is unknown (not assessed).",
    omit: ["version", "assessor_id", "assessor_name"],
  },
  { name: "transposition_measures", table: schema.transpositionMeasures, description: "The national measures each correspondence cites." },
  { name: "notifications", table: schema.notifications, description: "Member State × instrument notification of transposition.", omit: ["version"] },
  { name: "infringements", table: schema.infringements, description: "Infringement proceedings.", omit: ["version"] },
  { name: "infringement_stages", table: schema.infringementStageEvents, description: "Stages of each proceeding, with dates." },
];

export const datasetFileNames = datasetTables.map((t) => t.name);

export interface TableSchemaField {
  name: string;
  type: "integer" | "boolean" | "string" | "date" | "datetime";
  format?: string;
  constraints?: { required?: boolean; enum?: string[] };
}

export interface TableSchema {
  fields: TableSchemaField[];
  primaryKey: string[];
  foreignKeys: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  missingValues: string[];
}

const DATE_NAME = /(_on|_date|^date|deadline|repealed_from)$/;
const DATETIME_NAME = /_at$/;

function fieldType(column: SQLiteColumn): TableSchemaField["type"] {
  if (column.columnType === "SQLiteBoolean") return "boolean";
  if (column.dataType === "number" || column.columnType === "SQLiteInteger") return "integer";
  if (DATETIME_NAME.test(column.name)) return "datetime";
  if (DATE_NAME.test(column.name)) return "date";
  return "string";
}

export function publicColumns(t: DatasetTable): SQLiteColumn[] {
  return getTableConfig(t.table).columns.filter((c) => !(t.omit ?? []).includes(c.name));
}

export function tableSchemaOf(t: DatasetTable): TableSchema {
  const config = getTableConfig(t.table);
  const columns = publicColumns(t);
  const kept = new Set(columns.map((c) => c.name));
  const byTable = new Map(datasetTables.map((d) => [getTableConfig(d.table).name, d.name]));
  const fields = columns.map((c): TableSchemaField => {
    const type = fieldType(c);
    const enumValues = (c as unknown as { enumValues?: string[] }).enumValues;
    const constraints: TableSchemaField["constraints"] = {};
    if (c.notNull) constraints.required = true;
    if (enumValues?.length) constraints.enum = [...enumValues];
    return { name: c.name, type, ...(type === "datetime" ? { format: "any" } : {}), ...(Object.keys(constraints).length ? { constraints } : {}) };
  });
  const single = columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
  const foreignKeys = config.foreignKeys
    .map((fk) => fk.reference())
    .filter((ref) => ref.columns.every((c) => kept.has(c.name)) && byTable.has(getTableConfig(ref.foreignTable).name))
    .map((ref) => ({
      fields: ref.columns.map((c) => c.name),
      reference: { resource: byTable.get(getTableConfig(ref.foreignTable).name)!, fields: ref.foreignColumns.map((c) => c.name) },
    }));
  return { fields, primaryKey: single.length ? single : composite, foreignKeys, missingValues: [""] };
}
