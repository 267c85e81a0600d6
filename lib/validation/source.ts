import { z } from "zod";
import { sourceKinds, sourceMethods, verificationStates } from "../vocabulary";
import { optionalHttpUrl, optionalText } from "./common";

/** The source of an edited fact: where it came from, how it was established, whether it was verified. */
export const sourceFields = {
  sourceUrl: optionalHttpUrl,
  sourceTitle: optionalText(300),
  sourceMethod: z.enum(sourceMethods, { error: "Choose how the fact was established." }),
  /** Who published the source (official journal, government, Commission, court, DPA, commentary); optional for API clients of before. */
  sourceKind: z.preprocess((v) => (v === "" ? null : v), z.enum(sourceKinds, { error: "Choose who published the source." }).nullable()).optional(),
  verification: z.enum(verificationStates, { error: "Choose a verification state." }),
};
