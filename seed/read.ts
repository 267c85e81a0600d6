/**
 * Reads the seed files and validates them with zod, then checks that every
 * cross-reference resolves. A bad file fails with the file, the record and
 * the field named, before anything touches the database.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { z } from "zod";
import {
  seedInfringement,
  seedInstrument,
  seedLineage,
  seedMeasure,
  seedMemberState,
  seedNotification,
  seedObligation,
  seedProvision,
  seedTransposition,
} from "./schema";

export const SEED_DIR = join(process.cwd(), "seed", "data");

export const stateFileSchema = z
  .object({
    measures: z.array(seedMeasure),
    notifications: z.array(seedNotification),
    infringements: z.array(seedInfringement),
    transpositions: z.array(seedTransposition),
  })
  .strict();

export type SeedMemberState = z.infer<typeof seedMemberState>;
export type SeedInstrument = z.infer<typeof seedInstrument>;
export type SeedProvision = z.infer<typeof seedProvision>;
export type SeedObligation = z.infer<typeof seedObligation>;
export type SeedStateFile = z.infer<typeof stateFileSchema>;
export type SeedLineage = z.infer<typeof seedLineage>;

export interface SeedData {
  memberStates: SeedMemberState[];
  instruments: SeedInstrument[];
  provisions: SeedProvision[];
  obligations: SeedObligation[];
  /** The lines of law: which instrument was repealed, amended or replaced by which (lineage.json). */
  lineage: SeedLineage[];
  /**
   * One entry per state file, keyed by the file's state code: `states/DE.json`
   * and any `states/DE.<part>.json` (e.g. `DE.today.json`) are one state's records.
   */
  states: { code: string; file: string; data: SeedStateFile }[];
}

export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly record: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${record}${field ? `, field ${field}` : ""}: ${reason}`);
    this.name = "SeedError";
  }
}

function describeRecord(data: unknown, path: PropertyKey[]): string {
  // Name the record by its position and, where it has one, its natural key.
  let node: unknown = data;
  const trail: string[] = [];
  for (const [i, part] of path.entries()) {
    if (node == null || typeof node !== "object") break;
    node = (node as Record<PropertyKey, unknown>)[part as string];
    if (typeof part === "number") {
      const rec = node as Record<string, unknown> | undefined;
      const key = rec && (rec.key ?? rec.code ?? rec.celex ?? (rec.instrument && rec.number ? `${String(rec.instrument)} ${String(rec.number)}` : undefined));
      trail.push(`${String(path[i - 1] ?? "record")}[${part}]${key ? ` (${String(key)})` : ""}`);
      return `record ${trail.join(" ")}`;
    }
  }
  return "file";
}

function fieldPath(path: PropertyKey[]): string {
  const firstIndex = path.findIndex((p) => typeof p === "number");
  return path
    .slice(firstIndex + 1)
    .map(String)
    .join(".");
}

export function parseSeedFile<T>(file: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeedError(file, "file", "", `is not valid JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new SeedError(file, describeRecord(json, issue.path), fieldPath(issue.path), issue.message);
  }
  return result.data;
}

function readJson<T>(dir: string, path: string, schema: z.ZodType<T>): T {
  const file = relative(process.cwd(), path) || path;
  if (!existsSync(path)) throw new SeedError(file, "file", "", "is missing; restore it from git (git checkout -- seed/data)");
  return parseSeedFile(file, readFileSync(path, "utf8"), schema);
}

function jsonFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
}

export function readSeed(dir: string = SEED_DIR): SeedData {
  const memberStates = readJson(dir, join(dir, "member-states.json"), z.array(seedMemberState));
  const instruments = readJson(dir, join(dir, "instruments.json"), z.array(seedInstrument));
  const provisions = jsonFilesIn(join(dir, "provisions")).flatMap((f) => readJson(dir, join(dir, "provisions", f), z.array(seedProvision)));
  const obligations = readJson(dir, join(dir, "obligations.json"), z.array(seedObligation));
  const lineagePath = join(dir, "lineage.json");
  const lineage = existsSync(lineagePath) ? readJson(dir, lineagePath, z.array(seedLineage)) : [];
  const states = jsonFilesIn(join(dir, "states")).map((f) => ({
    code: f.replace(/\..*$/, ""),
    file: relative(process.cwd(), join(dir, "states", f)),
    data: readJson(dir, join(dir, "states", f), stateFileSchema),
  }));
  const data = { memberStates, instruments, provisions, obligations, lineage, states };
  checkReferences(data, dir);
  return data;
}

const provisionKey = (p: { instrument: string; kind: string; number: string }) => `${p.instrument}|${p.kind}|${p.number}`;

function checkUnique<T>(file: string, items: T[], keyOf: (t: T) => string, collection: string) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key)) throw new SeedError(file, `record ${collection}[${i}] (${key})`, "", "duplicates an earlier record");
    seen.add(key);
  });
}

/** Like checkUnique, across all the files of one state. */
function checkAcrossFiles<T>(file: string, seenBy: Map<string, Set<string>>, code: string, items: T[], keyOf: (t: T) => string, collection: string) {
  const seen = seenBy.get(code) ?? new Set<string>();
  seenBy.set(code, seen);
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key)) throw new SeedError(file, `record ${collection}[${i}] (${key})`, "", `duplicates an earlier record of ${code}`);
    seen.add(key);
  });
}

/** Cross-file checks zod cannot express: every reference must resolve, natural keys must be unique. */
export function checkReferences(data: SeedData, dir: string = SEED_DIR): void {
  const rel = (p: string) => relative(process.cwd(), join(dir, p));
  checkUnique(rel("member-states.json"), data.memberStates, (s) => s.code, "memberStates");
  checkUnique(rel("instruments.json"), data.instruments, (s) => s.celex, "instruments");
  checkUnique(rel("provisions"), data.provisions, provisionKey, "provisions");
  checkUnique(rel("obligations.json"), data.obligations, (o) => o.key, "obligations");

  const states = new Set(data.memberStates.map((s) => s.code));
  const celexes = new Set(data.instruments.map((i) => i.celex));
  const provisionKeys = new Set(data.provisions.map(provisionKey));

  data.provisions.forEach((p, i) => {
    if (!celexes.has(p.instrument))
      throw new SeedError(rel("provisions"), `record provisions[${i}] (${p.instrument} ${p.number})`, "instrument", `unknown instrument ${p.instrument}`);
  });
  data.obligations.forEach((o, i) =>
    o.provisions.forEach((p, j) => {
      if (!provisionKeys.has(provisionKey(p)))
        throw new SeedError(
          rel("obligations.json"),
          `record obligations[${i}] (${o.key})`,
          `provisions.${j}`,
          `unknown provision ${p.instrument} ${p.kind} ${p.number}`,
        );
    }),
  );

  data.lineage.forEach((l, i) => {
    const record = `record lineage[${i}] (${l.instrument} ${l.relation} ${l.by})`;
    if (!celexes.has(l.instrument)) throw new SeedError(rel("lineage.json"), record, "instrument", `unknown instrument ${l.instrument}`);
    if (!celexes.has(l.by)) throw new SeedError(rel("lineage.json"), record, "by", `unknown instrument ${l.by}`);
  });

  const allMeasureKeys = new Set<string>();
  // A state's records may span several files (DE.json, DE.today.json): keys are unique across them all.
  const measureKeysOf = new Map<string, Set<string>>();
  for (const { code, data: s } of data.states) {
    const keys = measureKeysOf.get(code) ?? new Set<string>();
    s.measures.forEach((m) => keys.add(m.key));
    measureKeysOf.set(code, keys);
  }
  const notifiedOf = new Map<string, Set<string>>();
  const transposedOf = new Map<string, Set<string>>();
  for (const { code, file, data: s } of data.states) {
    if (!states.has(code)) throw new SeedError(file, "file", "", `is named for ${code}, which is not a Member State in member-states.json`);
    checkUnique(file, s.measures, (m) => m.key, "measures");
    checkAcrossFiles(file, notifiedOf, code, s.notifications, (n) => n.instrument, "notifications");
    checkAcrossFiles(file, transposedOf, code, s.transpositions, (t) => provisionKey(t.provision), "transpositions");
    const measureKeys = measureKeysOf.get(code)!;
    s.measures.forEach((m, i) => {
      const record = `record measures[${i}] (${m.key})`;
      if (allMeasureKeys.has(m.key)) throw new SeedError(file, record, "key", "is used by another state file too");
      allMeasureKeys.add(m.key);
      if (m.state !== code) throw new SeedError(file, record, "state", `is ${m.state} in the file for ${code}`);
      m.instruments.forEach((c, j) => {
        if (!celexes.has(c)) throw new SeedError(file, record, `instruments.${j}`, `unknown instrument ${c}`);
      });
    });
    s.notifications.forEach((n, i) => {
      const record = `record notifications[${i}] (${n.instrument})`;
      if (n.state !== code) throw new SeedError(file, record, "state", `is ${n.state} in the file for ${code}`);
      if (!celexes.has(n.instrument)) throw new SeedError(file, record, "instrument", `unknown instrument ${n.instrument}`);
      if (n.principalMeasure && !measureKeys.has(n.principalMeasure))
        throw new SeedError(file, record, "principalMeasure", `unknown measure ${n.principalMeasure}`);
    });
    s.infringements.forEach((f, i) => {
      const record = `record infringements[${i}] (${f.courtCase ?? f.instrument})`;
      if (f.state !== code) throw new SeedError(file, record, "state", `is ${f.state} in the file for ${code}`);
      if (!celexes.has(f.instrument)) throw new SeedError(file, record, "instrument", `unknown instrument ${f.instrument}`);
    });
    s.transpositions.forEach((t, i) => {
      const record = `record transpositions[${i}] (${t.provision.instrument} ${t.provision.number})`;
      if (t.state !== code) throw new SeedError(file, record, "state", `is ${t.state} in the file for ${code}`);
      if (!provisionKeys.has(provisionKey(t.provision)))
        throw new SeedError(file, record, "provision", `unknown provision ${t.provision.instrument} ${t.provision.kind} ${t.provision.number}`);
      t.measures.forEach((k, j) => {
        if (!measureKeys.has(k)) throw new SeedError(file, record, `measures.${j}`, `unknown measure ${k}`);
      });
    });
  }
}
