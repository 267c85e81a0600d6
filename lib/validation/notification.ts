import { z } from "zod";
import { notificationStatuses } from "../vocabulary";
import { celexNumber, optionalDate, optionalPartialDate, optionalText, stateCode } from "./common";
import { sourceFields } from "./source";

export const notificationInput = z
  .object({
    stateCode,
    instrument: celexNumber,
    status: z.enum(notificationStatuses, { error: "Choose a status." }),
    notifiedOn: optionalPartialDate,
    principalMeasureKey: optionalText(100),
    /** The day the status was established, e.g. "no act adopted as of" that day. */
    statusAsOf: optionalDate,
    note: optionalText(4000),
    ...sourceFields,
  })
  .strict()
  .superRefine((n, ctx) => {
    if (n.status === "none" && n.notifiedOn) ctx.addIssue({ code: "custom", path: ["notifiedOn"], message: "A notification of status None has no date." });
    if (n.principalMeasureKey && !n.principalMeasureKey.startsWith(`${n.stateCode.toLowerCase()}-`))
      ctx.addIssue({ code: "custom", path: ["principalMeasureKey"], message: `The principal measure must be one of ${n.stateCode}'s.` });
  });

export type NotificationInput = z.infer<typeof notificationInput>;
