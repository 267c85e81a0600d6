/**
 * What every public table's module (db/tables/<noun>.ts) is built from: its
 * select fields as drizzle columns and SQL, the row type inferred from them,
 * the decoding of a raw result row by the same fields, and the zod atoms of
 * the API item schemas.
 */
import { Column, is, SQL } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { verificationStates } from "@/lib/vocabulary";

export type Field = SQLiteColumn | SQL;
export type Fields = Record<string, Field>;

/** The row a select of these fields yields: each column's schema type (enums included), each SQL's declared type. */
export type RowOf<F extends Fields> = SelectResultFields<F>;

/**
 * What a table's FROM gives its callers: a select of `fields` whose rows are typed from them (drizzle's own type
 * does not survive a generic select over several joins).
 */
export interface RowsSelect<Row> {
  where(where: SQL | undefined): RowsSelect<Row>;
  orderBy(...order: (SQL | SQLiteColumn)[]): RowsSelect<Row>;
  limit(n: number): RowsSelect<Row>;
  offset(n: number): RowsSelect<Row>;
  all(): Row[];
  toSQL(): { sql: string; params: unknown[] };
}

/** The decoder of a JSON list built in SQL (`json_group_array`): `sql\`…\`.mapWith(jsonList<Item>())`. */
export const jsonList =
  <Item>() =>
  (v: unknown): Item[] =>
    JSON.parse(typeof v === "string" ? v : "[]") as Item[];

/**
 * A raw result row (by field name) as the select of `fields` would return it: each value through its column's or
 * SQL's decoder (`integer({ mode: "boolean" })` → boolean, `.mapWith(Number)` …), in the fields' order.
 */
export function decodeRow<F extends Fields>(fields: F, raw: Record<string, unknown>): RowOf<F> {
  const out: Record<string, unknown> = {};
  for (const name in fields) {
    const field: unknown = fields[name];
    const value = raw[name];
    if (value === null || value === undefined) out[name] = null;
    else if (is(field, Column)) out[name] = field.mapFromDriverValue(value);
    else if (is(field, SQL)) out[name] = (field as unknown as { decoder: { mapFromDriverValue(v: unknown): unknown } }).decoder.mapFromDriverValue(value);
    else out[name] = value;
  }
  return out as RowOf<F>;
}

export const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("ISO 8601 date, YYYY-MM-DD");
export const nullableDate = date.nullable();
export const state = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .describe("EU country code (EL for Greece, UK for the United Kingdom)");
export const celex = z
  .string()
  .regex(/^[0-9]{5}[A-Z]{1,2}[0-9]{4}$/)
  .describe("CELEX number");
export const verification = z.enum(verificationStates);
