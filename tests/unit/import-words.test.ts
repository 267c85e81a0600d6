/**
 * The import tools' problems in the editor's language: the CSV import's codes (lib/import/correspondence.ts, worded by
 * server/import/words.ts) and the EUR-Lex import's skip reasons, instrument problems (lib/eurlex/words.ts) and
 * one-line errors (server/eurlex/run.ts).
 */
import { describe, expect, it } from "vitest";
import { validateImport, type ImportContext } from "@/lib/import/correspondence";
import { instrumentProblemText, skipReasonText } from "@/lib/eurlex/words";
import { CellarUnavailableError } from "@/server/eurlex/client";
import { PreviewOutdatedError, UnknownCelexError } from "@/server/eurlex/import";
import { importErrorMessage } from "@/server/eurlex/run";
import { importProblemText } from "@/server/import/words";
import { transpositionRelations, transpositionStatuses } from "@/lib/vocabulary";
import { translator } from "../support/intl";

const en = translator("en");
const fr = translator("fr");
const de = translator("de");

const statuses = transpositionStatuses.join(", ");
const relations = transpositionRelations.join(", ");

const ctx: ImportContext = {
  stateCode: "FR",
  celex: "32016L1148",
  fileName: "fr.csv",
  provisions: [{ id: 1, kind: "article", number: "1" }],
  measureKeys: new Set(["fr-loi-2018-133"]),
  existing: [],
};

describe("the CSV import's problems", () => {
  const report = validateImport("article,status,relation,measure\r\n1,done,,\r\n1,full,sideways,fr-nope\r\n", ctx);
  const row = (locale: typeof en) => report.errors.map((e) => `${e.line} ${e.column}: ${importProblemText(e.problem, locale)}`);

  it("are worded in English as before", () => {
    expect(row(en)).toEqual([
      `2 status: Unknown status "done": use one of ${statuses}.`,
      "3 article: Duplicate row: Art. 1 is already on line 2.",
      `3 relation: Unknown relation "sideways": use one of ${relations}, or leave it empty.`,
      '3 measure: Unknown measure "fr-nope": no national measure of FR has this key.',
    ]);
  });

  it("are worded in French", () => {
    expect(row(fr)).toEqual([
      `2 status: Statut inconnu "done" : utilisez l'une des valeurs ${statuses}.`,
      "3 article: Ligne en double : Art. 1 figure déjà à la ligne 2.",
      `3 relation: Relation inconnue "sideways" : utilisez l'une des valeurs ${relations}, ou laissez la cellule vide.`,
      '3 measure: Mesure inconnue "fr-nope" : aucune mesure nationale de FR n\'a cette clé.',
    ]);
  });

  it("are worded in German", () => {
    expect(row(de)[0]).toBe(`2 status: Unbekannter Status "done": Verwenden Sie einen der Werte ${statuses}.`);
    expect(row(de)[1]).toBe("3 article: Doppelte Zeile: Art. 1 steht schon in Zeile 2.");
  });

  it("word file problems with plurals where a count appears", () => {
    const missing = { code: "missingColumns", columns: ["article", "status"], known: ["article", "status"] } as const;
    expect(importProblemText(missing, en)).toBe(
      "The header row lacks the columns article, status. The columns are article, status (article and status required).",
    );
    expect(importProblemText({ ...missing, columns: ["status"] }, fr)).toBe(
      "Il manque à la ligne d'en-tête la colonne status. Les colonnes sont article, status (article et status obligatoires).",
    );
    expect(importProblemText({ ...missing, columns: ["status"] }, de)).toMatch(/^In der Kopfzeile fehlt die Spalte status\./);
    expect(importProblemText({ code: "cellCount", cells: 1, header: 4 }, en)).toBe("This row has 1 cell; the header has 4.");
    expect(importProblemText({ code: "cellCount", cells: 3, header: 4 }, de)).toBe("Diese Zeile hat 3 Zellen; die Kopfzeile hat 4.");
    expect(importProblemText({ code: "notUtf8" }, en)).toBe("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.");
    expect(importProblemText({ code: "notUtf8" }, fr)).toBe("Le fichier n'est pas du texte UTF-8. Enregistrez-le au format « CSV UTF-8 » et réessayez.");
    expect(importProblemText({ code: "empty" }, de)).toBe("Die Datei ist leer.");
  });

  it("translate a rule of the staff form where its template is known, and keep zod's own English otherwise", () => {
    const rule = validateImport("article,status,relation\r\n1,not_transposed,equal\r\n", ctx).errors[0]!;
    expect(rule).toMatchObject({ column: "relation", problem: { code: "invalid" } });
    expect(importProblemText(rule.problem, en)).toMatch(/^A relation only applies/);
    expect(importProblemText({ code: "invalid", message: "Something zod says." }, fr)).toBe("Something zod says.");
  });
});

describe("the EUR-Lex import's words", () => {
  it("give skip reasons and instrument problems in each language", () => {
    const reason = { code: "unknownCountry", country: "XYZ" } as const;
    expect(skipReasonText(reason, en)).toBe("unknown country code XYZ: not a Member State of the inventory");
    expect(skipReasonText(reason, fr)).toBe("code de pays inconnu XYZ : pas un État membre de l'inventaire");
    expect(skipReasonText(reason, de)).toBe("unbekannter Ländercode XYZ: kein Mitgliedstaat des Verzeichnisses");
    expect(skipReasonText({ code: "sameMeasure", key: "de-x", earlier: "72016L1148DEU_1" }, de)).toBe(
      "entspricht derselben Maßnahme (de-x) wie 72016L1148DEU_1",
    );
    expect(instrumentProblemText("noDocumentDate", en)).toBe("CELLAR gives no date of document for this act, so it cannot be created.");
    expect(instrumentProblemText("noEnglishTitle", fr)).toMatch(/^CELLAR ne donne pas de titre anglais/);
  });

  it("give the run's one-line errors in each language, the English as the CLI prints it", () => {
    const unreachable = new CellarUnavailableError({ code: "unreachable", host: "cellar.test", cause: { code: "connectionRefused" }, attempts: 2 });
    expect(importErrorMessage(unreachable, "r1", en)).toBe(unreachable.message);
    expect(importErrorMessage(unreachable, "r1", fr)).toBe(
      "Le point d'accès EUR-Lex cellar.test est injoignable (connexion refusée, 2 tentatives) ; rien n'a été modifié.",
    );
    expect(importErrorMessage(unreachable, "r1", de)).toBe(
      "Der EUR-Lex-Endpunkt cellar.test ist nicht erreichbar (Verbindung abgelehnt, 2 Versuche); es wurde nichts geändert.",
    );
    const refused = new CellarUnavailableError({ code: "refused", host: "cellar.test", status: 403 });
    expect(importErrorMessage(refused, "r1", en)).toBe(refused.message);
    const unknown = new UnknownCelexError("32099L9999");
    expect(importErrorMessage(unknown, "r1", en)).toBe(unknown.message);
    expect(importErrorMessage(unknown, "r1", de)).toBe(
      "CELLAR kennt keinen Rechtsakt mit der CELEX-Nummer 32099L9999; prüfen Sie die Nummer auf EUR-Lex. Es wurde nichts geändert.",
    );
    expect(importErrorMessage(new PreviewOutdatedError(), "r1", en)).toBe(new PreviewOutdatedError().message);
    expect(importErrorMessage(new PreviewOutdatedError(), "r1", fr)).toMatch(/^EUR-Lex ou l'inventaire a changé depuis l'aperçu/);
  });
});
