/** One schema for the lineage form and server: instrument → relation → successor, from a date, with its source. */
import { z } from "zod";
import { lineageRelations } from "../vocabulary";
import { celexNumber, optionalDate, optionalText } from "./common";
import { sourceFields } from "./source";

export const lineageInput = z
  .object({
    instrument: celexNumber,
    relation: z.enum(lineageRelations, { error: "Choose repealed by, amended by or replaced by." }),
    successor: celexNumber,
    fromDate: optionalDate,
    note: optionalText(2000),
    ...sourceFields,
  })
  .strict()
  .superRefine((l, ctx) => {
    if (l.instrument === l.successor) ctx.addIssue({ code: "custom", path: ["successor"], message: "An instrument cannot succeed itself." });
  });

export type LineageInput = z.infer<typeof lineageInput>;
