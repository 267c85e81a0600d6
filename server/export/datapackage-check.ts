/**
 * Checks a dataset snapshot against its own datapackage.json: every file's
 * size and SHA-256, the header against the Table Schema, each value against
 * its field's type, required flag and enum, primary keys unique, and every
 * foreign key resolving. Returns the problems found (none = valid).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { isIsoDate } from "@/lib/as-of";
import type { TableSchema } from "@/db/dataset-schema";

interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  schema: TableSchema;
}

const TYPE_CHECK: Record<string, (v: string) => boolean> = {
  integer: (v) => /^-?\d+$/.test(v),
  boolean: (v) => v === "true" || v === "false",
  date: (v) => isIsoDate(v),
  datetime: (v) => !Number.isNaN(Date.parse(v)),
  string: () => true,
};

export function checkDataPackage(dir: string): string[] {
  const problems: string[] = [];
  const pkg = JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8")) as { resources: Resource[]; version?: string; citation?: string };
  if (!pkg.version || !pkg.citation) problems.push("datapackage.json lacks version or citation");
  const tables = new Map<string, Record<string, string>[]>();
  for (const r of pkg.resources) {
    const bytes = readFileSync(join(dir, r.path));
    if (bytes.length !== r.bytes) problems.push(`${r.name}: ${bytes.length} bytes, descriptor says ${r.bytes}`);
    if (`sha256:${createHash("sha256").update(bytes).digest("hex")}` !== r.hash) problems.push(`${r.name}: checksum differs`);
    const records = parse(bytes.toString("utf8"), { relax_column_count: false }) as string[][];
    const header = records[0] ?? [];
    const names = r.schema.fields.map((f) => f.name);
    if (header.join(",") !== names.join(",")) problems.push(`${r.name}: header ${header.join(",")} is not ${names.join(",")}`);
    const rows = records.slice(1).map((rec) => Object.fromEntries(header.map((h, i) => [h, rec[i] ?? ""])));
    tables.set(r.name, rows);
    rows.forEach((row, i) => {
      for (const f of r.schema.fields) {
        const v = row[f.name] ?? "";
        if (v === "") {
          if (f.constraints?.required) problems.push(`${r.name} row ${i + 1}: ${f.name} is required`);
          continue;
        }
        if (!TYPE_CHECK[f.type]!(v)) problems.push(`${r.name} row ${i + 1}: ${f.name}=${JSON.stringify(v)} is not a ${f.type}`);
        if (f.constraints?.enum && !f.constraints.enum.includes(v)) problems.push(`${r.name} row ${i + 1}: ${f.name}=${JSON.stringify(v)} is not allowed`);
      }
    });
    const keys = rows.map((row) => r.schema.primaryKey.map((k) => row[k]).join("\u0000"));
    if (r.schema.primaryKey.length === 0) problems.push(`${r.name}: no primary key`);
    if (new Set(keys).size !== keys.length) problems.push(`${r.name}: primary key ${r.schema.primaryKey.join(",")} not unique`);
  }
  for (const r of pkg.resources)
    for (const fk of r.schema.foreignKeys) {
      const target = tables.get(fk.reference.resource);
      if (!target) {
        problems.push(`${r.name}: foreign key to missing resource ${fk.reference.resource}`);
        continue;
      }
      const present = new Set(target.map((row) => fk.reference.fields.map((f) => row[f]).join("\u0000")));
      for (const row of tables.get(r.name) ?? []) {
        const values = fk.fields.map((f) => row[f] ?? "");
        if (values.every((v) => v === "")) continue;
        if (!present.has(values.join("\u0000"))) problems.push(`${r.name}: ${fk.fields.join(",")}=${values.join(",")} has no ${fk.reference.resource} row`);
      }
    }
  return problems;
}
