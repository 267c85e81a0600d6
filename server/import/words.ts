/**
 * The words of the correspondence import's problems (lib/import/correspondence.ts gives codes and values) in the
 * language of `t`: the page that posted the file. A rule of the staff form's schema comes in zod's English and is
 * translated where a template of `formErrors.field` matches (server/form-errors.ts).
 */
import type { ImportProblem } from "@/lib/import/correspondence";
import type { Translate } from "@/lib/translate";
import { translateFieldMessage } from "@/server/form-errors";

/** A value quoted from the file, as the English messages have always shown it. */
const quote = (value: string) => JSON.stringify(value);
const list = (values: readonly string[]) => values.join(", ");

export function importProblemText(problem: ImportProblem, t: Translate): string {
  switch (problem.code) {
    case "empty":
      return t("importRun.empty");
    case "tooLarge":
      return t("importRun.tooLarge", { mb: problem.mb, rows: problem.rows });
    case "notUtf8":
      return t("importRun.notUtf8");
    case "binary":
      return t("importRun.binary");
    case "unreadable":
      return problem.line === null
        ? t("importRun.unreadable", { detail: problem.detail })
        : t("importRun.unreadableAt", { line: problem.line, detail: problem.detail });
    case "missingColumns":
      return t("importRun.missingColumns", { count: problem.columns.length, columns: list(problem.columns), known: list(problem.known) });
    case "unknownColumns":
      return t("importRun.unknownColumns", { count: problem.columns.length, columns: list(problem.columns.map(quote)), known: list(problem.known) });
    case "noDataRows":
      return t("importRun.noDataRows");
    case "tooManyRows":
      return t("importRun.tooManyRows", { rows: problem.rows, max: problem.max });
    case "cellCount":
      return t("importRun.cellCount", { cells: problem.cells, header: problem.header });
    case "wrongState":
      return t("importRun.wrongState", { value: problem.value, expected: problem.expected });
    case "wrongInstrument":
      return t("importRun.wrongInstrument", { value: problem.value, expected: problem.expected });
    case "badDate":
      return t("importRun.badDate", { value: quote(problem.value) });
    case "noArticle":
      return t("importRun.noArticle");
    case "unknownArticle":
      return t("importRun.unknownArticle", { value: quote(problem.value), celex: problem.celex });
    case "duplicateRow":
      return t("importRun.duplicateRow", { provision: problem.provision, line: problem.line });
    case "unknownStatus":
      return t("importRun.unknownStatus", { value: quote(problem.value), allowed: list(problem.allowed) });
    case "unknownRelation":
      return t("importRun.unknownRelation", { value: quote(problem.value), allowed: list(problem.allowed) });
    case "unknownMeasure":
      return t("importRun.unknownMeasure", { value: quote(problem.value), state: problem.state });
    case "invalid":
      return translateFieldMessage(problem.message, t);
  }
}
