/**
 * Dataset snapshots: the public tables written once per state of the data as
 * CSV files plus datapackage.json, under `<data dir>/datasets/<version>/`,
 * never changed afterwards. The version is `v<id of the latest audit event
 * that changed data>`: equal data, equal version; any edit, import or
 * approved submission makes the next download a new snapshot. Files are
 * written in chunks with a SHA-256 computed on the way, so memory stays flat.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { asc, desc, sql } from "drizzle-orm";
import type { Db } from "../client";
import { auditEvents } from "../schema";
import { csvLine, CSV_CHUNK_CHARS } from "@/lib/csv-stream";
import { datasetTables, publicColumns, tableSchemaOf } from "@/db/dataset-schema";
import { openExportReader } from "./export";

export const DATASET_TITLE = "NIS Measures Inventory: national measures under COM(2001)298 §3.6";

export interface SnapshotFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface SnapshotManifest {
  version: string;
  created: string;
  auditEventId: number;
  citation: string;
  files: SnapshotFile[];
}

/** Entities of the audit trail that are not inventory data: their events do not make a new snapshot. */
const NON_DATA_ENTITIES = ["export", "user", "api_token", "session", "submission", "sign_in", "edition"];

/** The latest audit event that changed data, or undefined for an empty trail. */
export function latestDataEvent(db: Db): { id: number; at: string } | undefined {
  // Read backwards by id and stopped at the first match: max() under a WHERE would read the whole trail.
  return db
    .select({ id: auditEvents.id, at: auditEvents.at })
    .from(auditEvents)
    .where(sql`${auditEvents.entity} not in ${NON_DATA_ENTITIES} and ${auditEvents.action} not like 'auth.%'`)
    .orderBy(desc(auditEvents.id))
    .limit(1)
    .get();
}

/** The id of the latest audit event that changed data (0 for an empty trail). */
export function datasetBasis(db: Db): number {
  return latestDataEvent(db)?.id ?? 0;
}

export function datasetsDir(databaseFile: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(/* turbopackIgnore: true */ env.OPEN_DATA_DIR || join(dirname(databaseFile), "datasets"));
}

export const VERSION_PATTERN = /^v[0-9]{1,12}$/;

export function citationOf(version: string, created: string): string {
  return `${DATASET_TITLE}. Dataset version ${version}, ${created.slice(0, 10)}. Not an official publication of the European Commission.`;
}

export function readSnapshot(dir: string, version: string): SnapshotManifest | null {
  if (!VERSION_PATTERN.test(version)) return null;
  const file = join(dir, version, "snapshot.json");
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")) as SnapshotManifest;
}

/** Every snapshot on disk, newest first. */
export function listSnapshots(dir: string): SnapshotManifest[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((v) => VERSION_PATTERN.test(v))
    .map((v) => readSnapshot(dir, v))
    .filter((m): m is SnapshotManifest => m !== null)
    .sort((a, b) => b.auditEventId - a.auditEventId);
}

async function writeTableCsv(db: Db, t: (typeof datasetTables)[number], path: string): Promise<SnapshotFile> {
  const columns = publicColumns(t);
  const fields = Object.fromEntries(columns.map((c) => [c.name, c]));
  const schema = tableSchemaOf(t);
  const pk = schema.primaryKey.map((name) => columns.find((c) => c.name === name)!);
  const query = db
    .select(fields)
    .from(t.table)
    .orderBy(...pk.map((c) => asc(c)))
    .toSQL();
  const booleans = columns.map((c) => c.columnType === "SQLiteBoolean");
  const hash = createHash("sha256");
  const file = await open(path, "wx");
  let bytes = 0;
  const write = async (text: string) => {
    const buffer = Buffer.from(text, "utf8");
    hash.update(buffer);
    bytes += buffer.length;
    await file.write(buffer);
  };
  try {
    let chunk = csvLine(columns.map((c) => c.name));
    for (const values of db.$client
      .prepare(query.sql)
      .raw(true)
      .iterate(...query.params) as IterableIterator<unknown[]>) {
      chunk += csvLine(values.map((v, i) => (booleans[i] && v !== null ? v === 1 : (v as string | number | null))));
      if (chunk.length >= CSV_CHUNK_CHARS) {
        // The statement stays open on the reader connection; the awaited write lets other requests run.
        await write(chunk);
        chunk = "";
      }
    }
    await write(chunk);
  } finally {
    await file.close();
  }
  return { name: `${t.name}.csv`, bytes, sha256: hash.digest("hex") };
}

function datapackage(manifest: Omit<SnapshotManifest, "files" | "citation">, files: SnapshotFile[], citation: string) {
  return {
    profile: "tabular-data-package",
    name: "nis-measures-inventory",
    title: DATASET_TITLE,
    version: manifest.version,
    created: manifest.created,
    citation,
    description:
      "Every public table of the inventory. Text cells that a spreadsheet would read as a formula (starting with =, +, -, @, tab, CR or LF) carry a leading apostrophe. Unverified facts have not been confirmed against a primary source.",
    sources: [{ title: "EUR-Lex, Official Journals, national gazettes, Commission reports (see sources.csv)" }],
    resources: datasetTables.map((t) => {
      const f = files.find((x) => x.name === `${t.name}.csv`)!;
      return {
        name: t.name,
        path: f.name,
        profile: "tabular-data-resource",
        description: t.description,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        bytes: f.bytes,
        hash: `sha256:${f.sha256}`,
        dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
        schema: tableSchemaOf(t),
      };
    }),
  };
}

const building = new Map<string, Promise<SnapshotManifest>>();

/** The snapshot of the data as it is now: the existing one if nothing changed since, else a new one. */
export function ensureSnapshot(db: Db, databaseFile: string, dir: string, now: Date = new Date()): Promise<SnapshotManifest> {
  const basis = datasetBasis(db);
  const version = `v${basis}`;
  const existing = readSnapshot(dir, version);
  if (existing) return Promise.resolve(existing);
  const pending = building.get(join(dir, version));
  if (pending) return pending;
  const job = buildSnapshot(databaseFile, dir, version, basis, now).finally(() => building.delete(join(dir, version)));
  building.set(join(dir, version), job);
  return job;
}

async function buildSnapshot(databaseFile: string, dir: string, version: string, basis: number, now: Date): Promise<SnapshotManifest> {
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.building-${randomUUID()}`);
  mkdirSync(temp);
  const reader = openExportReader(databaseFile);
  try {
    const files: SnapshotFile[] = [];
    // One read transaction: every file shows the same state of the data.
    reader.db.$client.exec("begin");
    for (const t of datasetTables) files.push(await writeTableCsv(reader.db, t, join(temp, `${t.name}.csv`)));
    reader.db.$client.exec("commit");
    const created = now.toISOString();
    const citation = citationOf(version, created);
    const pkg = `${JSON.stringify(datapackage({ version, created, auditEventId: basis }, files, citation), null, 2)}\n`;
    const handle = await open(join(temp, "datapackage.json"), "wx");
    await handle.write(pkg);
    await handle.close();
    files.unshift({ name: "datapackage.json", bytes: Buffer.byteLength(pkg), sha256: createHash("sha256").update(pkg).digest("hex") });
    const manifest: SnapshotManifest = { version, created, auditEventId: basis, citation, files };
    const m = await open(join(temp, "snapshot.json"), "wx");
    await m.write(`${JSON.stringify(manifest, null, 2)}\n`);
    await m.close();
    try {
      renameSync(temp, join(dir, version));
    } catch (error) {
      // Another process made the same version meanwhile: theirs stands, ours goes.
      const theirs = readSnapshot(dir, version);
      if (!theirs) throw error;
      rmSync(temp, { recursive: true, force: true });
      return theirs;
    }
    return manifest;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  } finally {
    reader.close();
  }
}
