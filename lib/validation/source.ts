import { z } from "zod";
import { sourceMethods, verificationStates } from "../vocabulary";
import { optionalHttpUrl, optionalText } from "./common";

/** The source of an edited fact: where it came from, how it was established, whether it was verified. */
export const sourceFields = {
  sourceUrl: optionalHttpUrl,
  sourceTitle: optionalText(300),
  sourceMethod: z.enum(sourceMethods, { error: "Choose how the fact was established." }),
  verification: z.enum(verificationStates, { error: "Choose a verification state." }),
};
