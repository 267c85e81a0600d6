import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import * as errors from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/common";
import { measureInput } from "@/lib/validation/measure";
import { transpositionInput } from "@/lib/validation/transposition";
import { translateFieldErrors, translateFieldMessage, userMessageOf } from "@/server/form-errors";
import { translator } from "../support/intl";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe("form errors in the reader's language", () => {
  it("has a template only for a message the code makes (its fixed words are in lib/, db/, server/ or app/)", () => {
    const code = ["lib", "db", "server", "app"]
      .flatMap(sources)
      .map((p) => readFileSync(p, "utf8"))
      .join("\n");
    for (const [name, text] of Object.entries(en.formErrors.field)) {
      // ICU writes an apostrophe as itself here; the code may use ’ or ' alike.
      for (const part of text.split(/\{\w+\}/).filter((p) => p.trim().length > 3)) expect(code, `formErrors.field.${name}: "${part}"`).toContain(part);
    }
  });

  it("translates a field's message with the values read back from the English text", () => {
    expect(translateFieldMessage("Use at most 500 characters.", translator("fr"))).toBe("500 caractères au plus.");
    expect(translateFieldMessage("The key must start with fr-.", translator("de"))).toBe("Der Schlüssel muss mit fr- beginnen.");
    expect(translateFieldMessage("Measure de-x is not one of FR's.", translator("fr"))).toBe("La mesure de-x n'est pas l'une de celles de l'État FR.");
    expect(translateFieldMessage("This measure is cited by 1 transposition(s); remove it from them first.", translator("de"))).toMatch(
      /in 1 Umsetzungseintrag genannt/,
    );
    // A message no template knows stays as it is, never lost.
    expect(translateFieldMessage("Line 3: something new.", translator("fr"))).toBe("Line 3: something new.");
  });

  it("says every message of an invalid measure and correspondence in French and German", () => {
    const measure = measureInput.safeParse({
      stateCode: "FR",
      key: "de-x",
      titleOriginal: "",
      language: "French",
      type: "law",
      status: "x",
      adoptedOn: "2004-02-30",
      inForceOn: "13/13/2004",
      url: "ftp://x",
      instruments: [],
      sourceMethod: "",
      verification: "",
    });
    const transposition = transpositionInput.safeParse({
      stateCode: "FR",
      provisionId: 1,
      status: "unknown",
      relation: "equal",
      measureKeys: ["de-x"],
      sourceMethod: "eur_lex",
      verification: "verified",
    });
    for (const result of [measure, transposition]) {
      expect(result.success).toBe(false);
      if (result.success) continue;
      const english = fieldErrorsOf(result.error);
      for (const locale of ["fr", "de"] as const) {
        const translated = translateFieldErrors(english, translator(locale));
        for (const [field, messages] of Object.entries(english))
          messages.forEach((m, i) => expect(translated[field]![i], `${locale} ${field}: ${m}`).not.toBe(m));
      }
    }
  });

  it("says an expected failure from its key, in English exactly as lib/errors.ts does", () => {
    const examples = [
      new errors.ForbiddenError("record.restore"),
      new errors.ConflictError("national_measure", 7, { id: 7, version: 3 }),
      new errors.ConflictError("submission", 3, {}),
      new errors.NotFoundError("transposition", 12),
      new errors.IdempotencyKeyReuseError(42),
      new errors.EditionReadOnlyError("2026-H2"),
      new errors.EditionPublishConflictError(),
    ];
    for (const error of examples) {
      expect(error.userText, error.name).not.toBeNull();
      expect(userMessageOf(error, translator("en")), error.name).toBe(error.userMessage);
      expect(userMessageOf(error, translator("de")), error.name).not.toBe(error.userMessage);
    }
    expect(userMessageOf(new errors.ConflictError("national_measure", 7, {}), translator("de"))).toBe(
      "Eine andere Person hat diesen Datensatz geändert, während Sie ihn bearbeitet haben.",
    );
    expect(userMessageOf(new errors.IdempotencyKeyReuseError(42), translator("fr"))).toMatch(/nº 42/);
    // A message built from data goes through the field templates.
    expect(userMessageOf(new errors.InvalidReferenceError("key", "Another measure already has the key fr-x."), translator("fr"))).toBe(
      "Une autre mesure porte déjà la clé fr-x.",
    );
  });
});
