/**
 * The words of an EUR-Lex import plan's codes (lib/eurlex/plan.ts) in the language of `t`: the staff page's, or
 * English for the CLI (scripts/eurlex-import.ts). The keys are the `eurlex` namespace's, which the page's client form
 * reads.
 */
import type { Translate } from "@/lib/translate";
import type { InstrumentProblem, SkipReason } from "./plan";

export function skipReasonText(reason: SkipReason, t: Translate): string {
  switch (reason.code) {
    case "noCountry":
      return t("eurlex.skipNoCountry");
    case "unknownCountry":
      return t("eurlex.skipUnknownCountry", { country: reason.country });
    case "notInInventory":
      return t("eurlex.skipNotInInventory", { state: reason.state });
    case "sameMeasure":
      return t("eurlex.skipSameMeasure", { key: reason.key, earlier: reason.earlier });
    case "invalid":
      return t("eurlex.skipInvalid", { issues: reason.issues });
  }
}

export function instrumentProblemText(problem: InstrumentProblem, t: Translate): string {
  return problem === "noDocumentDate" ? t("eurlex.problemNoDocumentDate") : t("eurlex.problemNoEnglishTitle");
}
