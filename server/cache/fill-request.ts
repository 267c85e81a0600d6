/**
 * A cluster worker's request to the primary process to fill a date's indicator figures (server/cache/indicator-fill.ts
 * sends it, scripts/cluster.ts receives it), checked as any input is: the primary starts a process with the date.
 */
import { z } from "zod";
import { isoDateString } from "@/lib/validation/common";

export const indicatorFillRequestSchema = z.object({ type: z.literal("indicator-fill"), asOf: isoDateString });

export type IndicatorFillRequest = z.infer<typeof indicatorFillRequestSchema>;
