import { describe, expect, it } from "vitest";
import { decodeCsvFile, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, validateImport, type ImportContext, type ImportProblem } from "@/lib/import/correspondence";
import { importProblemText } from "@/server/import/words";
import { translator } from "../support/intl";

/** A problem as an English page words it (the codes are lib's; server/import/words.ts words them). */
const english = translator("en");
const inEnglish = (problem: ImportProblem | null) => (problem ? importProblemText(problem, english) : null);

const ctx: ImportContext = {
  stateCode: "EL",
  celex: "31995L0046",
  fileName: "el.csv",
  provisions: [
    { id: 1, kind: "article", number: "16" },
    { id: 2, kind: "article", number: "17" },
    { id: 3, kind: "annex", number: "II" },
    { id: 4, kind: "article", number: "18" },
  ],
  measureKeys: new Set(["el-law-2472-1997"]),
  existing: [
    {
      id: 10,
      version: 3,
      provisionId: 2,
      status: "partial",
      relation: "subset",
      nationalProvision: "Άρθρο 10",
      note: null,
      measureKeys: ["el-law-2472-1997"],
      sourceUrl: null,
      sourceTitle: "x",
      sourceMethod: "desk_research",
      verification: "unverified",
    },
  ],
};

const HEADER = "article,national_provision,status,relation,measure,note\r\n";

describe("correspondence CSV import validation", () => {
  it("reports every error kind with its line number and column", () => {
    const csv =
      HEADER +
      "16,Άρθρο 9,full,equal,el-law-2472-1997,\r\n" + // 2: ok (create)
      "99,§ 1,full,,,\r\n" + // 3: unknown article
      "Annex II,,done,,,\r\n" + // 4: unknown status
      "16,x,full,,,\r\n" + // 5: duplicate of line 2
      '"Art. 17","multi\nline",full,sideways,el-nope,\r\n' + // 6-7: unknown relation, unknown measure
      "18,,not_transposed,equal,,\r\n"; // 8: relation on a not-transposed provision (zod rule of the form)
    const report = validateImport(csv, ctx);
    expect(report.fileError).toBeNull();
    const kinds = report.errors.map((e) => [e.line, e.column, inEnglish(e.problem)!.split(/[:(]/)[0]]);
    expect(kinds).toEqual([
      [3, "article", 'Unknown article "99"'],
      [4, "status", 'Unknown status "done"'],
      [5, "article", "Duplicate row"],
      [6, "relation", 'Unknown relation "sideways"'],
      [6, "measure", 'Unknown measure "el-nope"'],
      [8, "relation", "A relation only applies to a provision that is "],
    ]);
    expect(report.summary).toMatchObject({ rows: 6, create: 1, invalid: 5 });
  });

  it("checks the state, instrument and date columns of an exported file", () => {
    const csv = "state,instrument,provision,status,assessed_at\r\nDE,31995L0046,Art. 16,full,2024-01-01\r\nEL,31997L0066,Art. 17,full,2024-02-30\r\n";
    const report = validateImport(csv, ctx);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "state"],
      [3, "instrument"],
      [3, "assessed_at"],
    ]);
    expect(report.errors.map((e) => e.problem)).toEqual([
      { code: "wrongState", value: "DE", expected: "EL" },
      { code: "wrongInstrument", value: "31997L0066", expected: "31995L0046" },
      { code: "badDate", value: "2024-02-30" },
    ]);
    expect(inEnglish(report.errors[0]!.problem)).toBe("Wrong Member State: DE; this import is for EL.");
    expect(inEnglish(report.errors[2]!.problem)).toBe('Bad date "2024-02-30": write it YYYY-MM-DD.');
  });

  it("plans create, update with before → after, and unchanged; undoes the export's formula neutralisation", () => {
    const csv = HEADER + "17,Άρθρο 10,partial,subset,el-law-2472-1997,\r\n16,'-§ 2,full,,,'=not a formula\r\nAnnex II,,unknown,,,\r\n";
    const report = validateImport(csv, ctx);
    expect(report.errors).toEqual([]);
    expect(report.rows.map((r) => [r.line, r.provision, r.action])).toEqual([
      [2, "Art. 17", "unchanged"],
      [3, "Art. 16", "create"],
      [4, "Annex II", "create"],
    ]);
    expect(report.rows[1]!.input).toMatchObject({ nationalProvision: "-§ 2", note: "=not a formula", sourceTitle: "CSV import el.csv" });
    const edited = validateImport(HEADER + "Article 17,Άρθρο 10 παρ. 1,full,equal,el-law-2472-1997,checked\r\n", ctx);
    expect(edited.rows[0]!.action).toBe("update");
    expect(edited.rows[0]!.changes).toEqual([
      { field: "status", before: "partial", after: "full" },
      { field: "relation", before: "subset", after: "equal" },
      { field: "national_provision", before: "Άρθρο 10", after: "Άρθρο 10 παρ. 1" },
      { field: "note", before: null, after: "checked" },
    ]);
  });

  it("gives one clear message for a file that is empty, not UTF-8, binary, too large, not CSV, or lacks columns", () => {
    const decoded = (bytes: Uint8Array) => {
      const result = decodeCsvFile(bytes);
      return result.ok ? null : inEnglish(result.problem);
    };
    const fileError = (text: string) => inEnglish(validateImport(text, ctx).fileError);
    expect(decodeCsvFile(new Uint8Array())).toEqual({ ok: false, problem: { code: "empty" } });
    expect(decoded(new Uint8Array())).toBe("The file is empty.");
    expect(decodeCsvFile(new Uint8Array([0x61, 0xe9, 0x0a]))).toEqual({ ok: false, problem: { code: "notUtf8" } });
    expect(decoded(new Uint8Array([0x61, 0xe9, 0x0a]))).toContain("not UTF-8");
    expect(decodeCsvFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toEqual({ ok: false, problem: { code: "binary" } });
    expect(decoded(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toContain("not a CSV");
    expect(decoded(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61))).toContain("larger than 5 MB");
    expect(decodeCsvFile(new TextEncoder().encode("\uFEFFarticle,status\n17,full\n"))).toMatchObject({ ok: true });
    expect(validateImport('article,status\r\n"17,full\r\n', ctx).fileError).toMatchObject({ code: "unreadable", line: 3 });
    expect(fileError('article,status\r\n"17,full\r\n')).toMatch(/^This is not a readable CSV file \(line 3\): /);
    expect(validateImport("article,national_provision\r\n17,x\r\n", ctx).fileError).toMatchObject({ code: "missingColumns", columns: ["status"] });
    expect(fileError("article,national_provision\r\n17,x\r\n")).toContain("lacks the column status");
    expect(fileError("article,status,colour,size\r\n17,full,red,l\r\n")).toContain('Unknown columns "colour", "size"');
    expect(fileError("article,status,colour\r\n17,full,red\r\n")).toContain('Unknown column "colour"');
    expect(fileError("article,status\r\n")).toContain("no data rows");
    const tooMany = validateImport("article,status\r\n" + "17,full\r\n".repeat(MAX_IMPORT_ROWS + 1), ctx).fileError;
    expect(tooMany).toEqual({ code: "tooManyRows", rows: MAX_IMPORT_ROWS + 1, max: MAX_IMPORT_ROWS });
    expect(inEnglish(tooMany)).toContain(`at most ${MAX_IMPORT_ROWS}`);
  });

  it("reports progress while validating a large file", () => {
    const seen: number[] = [];
    validateImport("article,status\r\n" + "17,full\r\n".repeat(1200), ctx, { onProgress: (done) => seen.push(done), every: 500 });
    expect(seen).toEqual([500, 1000, 1200]);
  });
});
