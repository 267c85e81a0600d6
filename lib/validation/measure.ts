/** One schema for the national-measure form, the server action, submissions and the API. */
import { z } from "zod";
import { isCertainlyBefore } from "../partial-date";
import { measureStatuses, measureTypes } from "../vocabulary";
import { celexNumber, checkbox, optionalHttpUrl, optionalPartialDate, optionalText, requiredText, stateCode, stringList } from "./common";
import { sourceFields } from "./source";

export const measureInput = z
  .object({
    stateCode,
    key: z
      .string()
      .trim()
      .regex(/^[a-z]{2}-[a-z0-9-]{2,80}$/, "Use the state code, a dash and a short kebab-case name, e.g. fr-loi-2004-801."),
    titleOriginal: requiredText(1000),
    titleEnglish: optionalText(1000),
    titleEnglishIsWorkingTranslation: checkbox,
    workingTitleFr: optionalText(1000),
    workingTitleDe: optionalText(1000),
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2}$/, "Use a two-letter ISO 639-1 code, e.g. de."),
    type: z.enum(measureTypes, { error: "Choose a type." }),
    nationalIdentifier: optionalText(200),
    adoptedOn: optionalPartialDate,
    publishedOn: optionalPartialDate,
    inForceOn: optionalPartialDate,
    notifiedOn: optionalPartialDate,
    repealedOn: optionalPartialDate,
    publicationReference: optionalText(300),
    url: optionalHttpUrl,
    status: z.enum(measureStatuses, { error: "Choose a status." }),
    instruments: stringList(celexNumber).pipe(z.array(celexNumber).min(1, "Choose at least one instrument.")),
    note: optionalText(4000),
    ...sourceFields,
  })
  .strict()
  .superRefine((m, ctx) => {
    if (!m.key.startsWith(`${m.stateCode.toLowerCase()}-`))
      ctx.addIssue({ code: "custom", path: ["key"], message: `The key must start with ${m.stateCode.toLowerCase()}-.` });
    if (m.adoptedOn && m.inForceOn && isCertainlyBefore(m.inForceOn, m.adoptedOn))
      ctx.addIssue({ code: "custom", path: ["inForceOn"], message: "Entry into force cannot be before adoption." });
    if (m.repealedOn && m.inForceOn && isCertainlyBefore(m.repealedOn, m.inForceOn))
      ctx.addIssue({ code: "custom", path: ["repealedOn"], message: "Repeal cannot be before entry into force." });
    if (m.repealedOn && m.status !== "repealed")
      ctx.addIssue({ code: "custom", path: ["status"], message: "A measure with a repeal date has status Repealed." });
  });

export type MeasureInput = z.infer<typeof measureInput>;
export const MEASURE_LIST_FIELDS = ["instruments"] as const;
