/** One schema for the EUR-Lex import form, its route handler and the CLI. */
import { z } from "zod";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/format";
import { celexNumber } from "./common";

/** "measureId:field" — a conflicting verified value the editor chose to take from EUR-Lex. */
const conflictChoice = z.string().regex(/^[1-9][0-9]{0,9}:[a-zA-Z]{1,40}$/, "Not a conflict of this preview.");

export const eurlexImportRequest = z
  .object({
    mode: z.enum(["preview", "apply"], { error: "Choose preview or apply." }),
    celex: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), celexNumber),
    /** The preview the editor approved (apply only). */
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{32}$/, "The preview was lost; preview again.")
      .optional(),
    accept: z.array(conflictChoice).max(10_000).default([]),
    /** The staff page's language, for the words of the answer (the route's URL has none). */
    locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.mode === "apply" && !r.fingerprint) ctx.addIssue({ code: "custom", path: ["fingerprint"], message: "Preview the import before applying it." });
  });

export type EurlexImportRequest = z.infer<typeof eurlexImportRequest>;

/** The CLI's arguments: one or more CELEX numbers and flags. */
export const eurlexCliArgs = z.object({
  celexes: z
    .array(z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), celexNumber))
    .min(1, "Give at least one CELEX number, e.g. 32022L2555."),
  apply: z.boolean(),
  as: z.email("--as takes the email of an editor or admin account.").optional(),
});
