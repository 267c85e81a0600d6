/**
 * CSV import of one Member State's correspondence table for one instrument.
 * Pure: the caller passes what the database holds (the instrument's
 * provisions, the state's measures, the existing correspondences), and gets
 * a report of every bad row (line, column, problem code) and the plan of what
 * would change. Every row that passes becomes a `TranspositionInput` parsed
 * with the same zod schema as the staff form.
 *
 * Columns (header row, case-insensitive): `article` (or `provision`, as the
 * export writes it: "17", "Art. 17", "Annex II"), `status`, and optionally
 * `national_provision`, `relation`, `measure` (or `measures`: measure keys
 * separated by spaces, commas or semicolons), `note`, `state` and
 * `instrument` (must be the chosen ones), `assessed_at` (checked, but the
 * import's own time is recorded), `heading` and `verification` (ignored).
 * So an export of /api/v1/export/transpositions.csv imports as it is.
 */
import { parse } from "csv-parse/sync";
import { transpositionInput, type TranspositionInput } from "@/lib/validation/transposition";
import { transpositionRelations, transpositionStatuses } from "@/lib/vocabulary";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export const IMPORT_COLUMNS = ["article", "national_provision", "status", "relation", "measure", "note"] as const;
const ALIASES: Record<string, string> = { provision: "article", measures: "measure" };
const OPTIONAL_KNOWN = ["state", "instrument", "assessed_at", "heading", "verification"];
const REQUIRED = ["article", "status"];

export interface ImportProvision {
  id: number;
  kind: string;
  number: string;
}

export interface ExistingCorrespondence {
  id: number;
  version: number;
  provisionId: number;
  status: string;
  relation: string | null;
  nationalProvision: string | null;
  note: string | null;
  measureKeys: string[];
  sourceUrl: string | null;
  sourceTitle: string | null;
  sourceMethod: TranspositionInput["sourceMethod"];
  verification: TranspositionInput["verification"];
}

export interface ImportContext {
  stateCode: string;
  celex: string;
  fileName: string;
  provisions: ImportProvision[];
  measureKeys: Set<string>;
  existing: ExistingCorrespondence[];
}

/**
 * What is wrong with a file or a row, as a code and its values: the app words it in the reader's language
 * (server/import/words.ts). Values quoted from the file are cut to a few dozen characters.
 */
export type ImportProblem =
  | { code: "empty" }
  | { code: "tooLarge"; mb: number; rows: number }
  | { code: "notUtf8" }
  | { code: "binary" }
  | { code: "unreadable"; line: number | null; detail: string }
  | { code: "missingColumns"; columns: readonly string[]; known: readonly string[] }
  | { code: "unknownColumns"; columns: readonly string[]; known: readonly string[] }
  | { code: "noDataRows" }
  | { code: "tooManyRows"; rows: number; max: number }
  | { code: "cellCount"; cells: number; header: number }
  | { code: "wrongState"; value: string; expected: string }
  | { code: "wrongInstrument"; value: string; expected: string }
  | { code: "badDate"; value: string }
  | { code: "noArticle" }
  | { code: "unknownArticle"; value: string; celex: string }
  | { code: "duplicateRow"; provision: string; line: number }
  | { code: "unknownStatus"; value: string; allowed: readonly string[] }
  | { code: "unknownRelation"; value: string; allowed: readonly string[] }
  | { code: "unknownMeasure"; value: string; state: string }
  /** A rule of the staff form's zod schema, in its English words (server/form-errors.ts translates known ones). */
  | { code: "invalid"; message: string };

export interface RowError {
  line: number;
  column: string;
  problem: ImportProblem;
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface PlannedRow {
  line: number;
  provision: string;
  action: "create" | "update" | "unchanged";
  recordId: number | null;
  baseVersion: number | null;
  input: TranspositionInput;
  changes: FieldChange[];
}

export interface ImportReport {
  /** What makes the file as a whole unusable (nothing else is checked then). */
  fileError: ImportProblem | null;
  errors: RowError[];
  rows: PlannedRow[];
  summary: { rows: number; create: number; update: number; unchanged: number; invalid: number };
}

const empty = (fileError: ImportProblem | null): ImportReport => ({
  fileError,
  errors: [],
  rows: [],
  summary: { rows: 0, create: 0, update: 0, unchanged: 0, invalid: 0 },
});

/** Bytes → text: UTF-8 only (a BOM is allowed), and text that looks like CSV. */
export function decodeCsvFile(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: ImportProblem } {
  if (bytes.length === 0) return { ok: false, problem: { code: "empty" } };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problem: { code: "tooLarge", mb: MAX_IMPORT_BYTES / 1024 / 1024, rows: MAX_IMPORT_ROWS } };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problem: { code: "notUtf8" } };
  }
  if (text.includes("\u0000")) return { ok: false, problem: { code: "binary" } };
  if (text.trim() === "") return { ok: false, problem: { code: "empty" } };
  return { ok: true, text };
}

/** Undoes the export's formula neutralisation (lib/csv.ts), so an exported file imports unchanged. */
function cell(value: string | undefined): string {
  const v = (value ?? "").trim();
  return /^'[=+\-@\t\r\n]/.test(v) ? v.slice(1) : v;
}

function provisionLabel(p: ImportProvision): string {
  return p.kind === "annex" ? `Annex ${p.number}` : `Art. ${p.number}`;
}

/** "17", "Art. 17", "Article 17", "Annex II" → the provision. */
function findProvision(provisions: ImportProvision[], text: string): ImportProvision | undefined {
  const annex = /^annex\s+(.+)$/i.exec(text);
  if (annex) return provisions.find((p) => p.kind === "annex" && p.number.toLowerCase() === annex[1]!.trim().toLowerCase());
  const number = text
    .replace(/^(article|art\.?)\s*/i, "")
    .trim()
    .toLowerCase();
  return provisions.find((p) => p.kind !== "annex" && p.number.toLowerCase() === number);
}

const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
function isDate(text: string): boolean {
  if (!ISO_DATE_OR_TIME.test(text)) return false;
  const day = text.slice(0, 10);
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day && (text.length === 10 || !Number.isNaN(Date.parse(text)));
}

const FIELD_COLUMN: Record<string, string> = {
  provisionId: "article",
  status: "status",
  relation: "relation",
  nationalProvision: "national_provision",
  measureKeys: "measure",
  note: "note",
  stateCode: "state",
};

function splitKeys(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

const show = (v: string | null | string[]): string | null => (Array.isArray(v) ? (v.length ? [...v].sort().join(" ") : null) : v);

/** Validates every row and plans the changes; `onProgress` is called every `every` rows. */
export function validateImport(
  text: string,
  ctx: ImportContext,
  options: { onProgress?: (done: number, total: number) => void; every?: number } = {},
): ImportReport {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 100_000 }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    // csv-parse's own English words, kept as the detail.
    return empty({ code: "unreadable", line: where ?? null, detail: (error as Error).message.replace(/^Invalid [^:]*: /, "").slice(0, 200) });
  }
  if (records.length === 0) return empty({ code: "empty" });
  const header = records[0]!.record
    .map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/^\uFEFF/, ""),
    )
    .map((h) => ALIASES[h] ?? h);
  const unknown = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h) && !OPTIONAL_KNOWN.includes(h));
  const missing = REQUIRED.filter((r) => !header.includes(r));
  if (missing.length) return empty({ code: "missingColumns", columns: missing, known: IMPORT_COLUMNS });
  if (unknown.length) return empty({ code: "unknownColumns", columns: unknown.map((u) => u.slice(0, 40)), known: IMPORT_COLUMNS });
  const data = records.slice(1);
  if (data.length === 0) return empty({ code: "noDataRows" });
  if (data.length > MAX_IMPORT_ROWS) return empty({ code: "tooManyRows", rows: data.length, max: MAX_IMPORT_ROWS });

  const index = (name: string) => header.indexOf(name);
  const existingByProvision = new Map(ctx.existing.map((e) => [e.provisionId, e]));
  const seen = new Map<number, number>();
  const errors: RowError[] = [];
  const rows: PlannedRow[] = [];
  const every = options.every ?? 500;
  let previousEnd = records[0]!.info.lines;

  data.forEach(({ record, info }, i) => {
    // The line a record starts on (a quoted cell may span several lines).
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const get = (name: string) => (index(name) >= 0 ? cell(record[index(name)]) : "");
    const rowErrors: RowError[] = [];
    const fail = (column: string, problem: ImportProblem) => rowErrors.push({ line, column, problem });
    if (record.length !== header.length) fail("_row", { code: "cellCount", cells: record.length, header: header.length });

    const state = get("state");
    if (state && state !== ctx.stateCode) fail("state", { code: "wrongState", value: state.slice(0, 10), expected: ctx.stateCode });
    const instrument = get("instrument");
    if (instrument && instrument !== ctx.celex) fail("instrument", { code: "wrongInstrument", value: instrument.slice(0, 20), expected: ctx.celex });
    const assessed = get("assessed_at");
    if (assessed && !isDate(assessed)) fail("assessed_at", { code: "badDate", value: assessed.slice(0, 30) });

    const article = get("article");
    const provision = article ? findProvision(ctx.provisions, article) : undefined;
    if (!article) fail("article", { code: "noArticle" });
    else if (!provision) fail("article", { code: "unknownArticle", value: article.slice(0, 40), celex: ctx.celex });
    else if (seen.has(provision.id)) fail("article", { code: "duplicateRow", provision: provisionLabel(provision), line: seen.get(provision.id)! });
    else seen.set(provision.id, line);

    const status = get("status");
    if (!(transpositionStatuses as readonly string[]).includes(status))
      fail("status", { code: "unknownStatus", value: status.slice(0, 30), allowed: transpositionStatuses });
    const relation = get("relation");
    if (relation && !(transpositionRelations as readonly string[]).includes(relation))
      fail("relation", { code: "unknownRelation", value: relation.slice(0, 30), allowed: transpositionRelations });
    const measureKeys = splitKeys(get("measure"));
    for (const key of measureKeys) if (!ctx.measureKeys.has(key)) fail("measure", { code: "unknownMeasure", value: key.slice(0, 60), state: ctx.stateCode });

    if (rowErrors.length === 0 && provision) {
      const before = existingByProvision.get(provision.id);
      const parsed = transpositionInput.safeParse({
        stateCode: ctx.stateCode,
        provisionId: provision.id,
        status,
        relation,
        nationalProvision: get("national_provision"),
        measureKeys,
        note: get("note"),
        // An update keeps the source it had; a new row is attributed to the import.
        sourceUrl: before ? before.sourceUrl : null,
        sourceTitle: before ? before.sourceTitle : `CSV import ${ctx.fileName}`,
        sourceMethod: before ? before.sourceMethod : "desk_research",
        verification: before ? before.verification : "unverified",
      });
      if (!parsed.success)
        for (const issue of parsed.error.issues) fail(FIELD_COLUMN[String(issue.path[0])] ?? "_row", { code: "invalid", message: issue.message });
      else {
        const input = parsed.data;
        const changes: FieldChange[] = [];
        const compare = (field: string, a: string | null | string[], b: string | null | string[]) => {
          if (show(a) !== show(b)) changes.push({ field, before: show(a), after: show(b) });
        };
        if (before) {
          compare("status", before.status, input.status);
          compare("relation", before.relation, input.relation);
          compare("national_provision", before.nationalProvision, input.nationalProvision);
          compare("measure", before.measureKeys, input.measureKeys);
          compare("note", before.note, input.note);
        } else {
          compare("status", null, input.status);
          compare("relation", null, input.relation);
          compare("national_provision", null, input.nationalProvision);
          compare("measure", null, input.measureKeys);
          compare("note", null, input.note);
        }
        rows.push({
          line,
          provision: provisionLabel(provision),
          action: before ? (changes.length ? "update" : "unchanged") : "create",
          recordId: before?.id ?? null,
          baseVersion: before?.version ?? null,
          input,
          changes,
        });
      }
    }
    errors.push(...rowErrors);
    if (options.onProgress && (i + 1) % every === 0) options.onProgress(i + 1, data.length);
  });
  options.onProgress?.(data.length, data.length);
  const invalidLines = new Set(errors.map((e) => e.line)).size;
  return {
    fileError: null,
    errors,
    rows,
    summary: {
      rows: data.length,
      create: rows.filter((r) => r.action === "create").length,
      update: rows.filter((r) => r.action === "update").length,
      unchanged: rows.filter((r) => r.action === "unchanged").length,
      invalid: invalidLines,
    },
  };
}
