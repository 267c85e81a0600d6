import { z } from "zod";
import { transpositionRelations, transpositionStatuses } from "../vocabulary";
import { optionalText, recordId, stateCode, stringList } from "./common";
import { sourceFields } from "./source";

const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export const transpositionInput = z
  .object({
    stateCode,
    provisionId: recordId,
    status: z.enum(transpositionStatuses, { error: "Choose a status." }),
    relation: z.preprocess(emptyToNull, z.enum(transpositionRelations, { error: "Choose a relation." }).nullable()),
    nationalProvision: optionalText(500),
    measureKeys: stringList(z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/, "Unknown measure.")),
    note: optionalText(4000),
    ...sourceFields,
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.relation && (t.status === "unknown" || t.status === "not_transposed" || t.status === "not_applicable"))
      ctx.addIssue({ code: "custom", path: ["relation"], message: "A relation only applies to a provision that is (partly) transposed." });
    for (const [i, key] of t.measureKeys.entries())
      if (!key.startsWith(`${t.stateCode.toLowerCase()}-`))
        ctx.addIssue({ code: "custom", path: ["measureKeys", i], message: `Measure ${key} is not one of ${t.stateCode}'s.` });
  });

export type TranspositionInput = z.infer<typeof transpositionInput>;
export const TRANSPOSITION_LIST_FIELDS = ["measureKeys"] as const;
