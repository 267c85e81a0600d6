/** One schema for the provision form and server: the provision and which obligations it imposes. */
import { z } from "zod";
import { provisionKinds } from "../vocabulary";
import { celexNumber, checkbox, optionalDate, requiredText, stringList } from "./common";
import { sourceFields } from "./source";

export const provisionInput = z
  .object({
    instrument: celexNumber,
    kind: z.enum(provisionKinds, { error: "Choose article, paragraph or annex." }),
    number: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z()./ -]{1,20}$/, "Use the number as the instrument writes it, e.g. 17, 17(1) or II."),
    heading: requiredText(300),
    summary: requiredText(2000),
    requiresTransposition: checkbox,
    securityRelevant: checkbox,
    deadline: optionalDate,
    obligationKeys: stringList(z.string().regex(/^[a-z0-9-]+$/, "Unknown obligation.")),
    ...sourceFields,
  })
  .strict();

export type ProvisionInput = z.infer<typeof provisionInput>;
export const PROVISION_LIST_FIELDS = ["obligationKeys"] as const;
