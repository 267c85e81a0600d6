/** Route parameters are input too: parsed with zod before they reach a query. */
import { z } from "zod";

export const celexParam = z.string().regex(/^[0-9]{5}[A-Z]{1,2}[0-9]{4}$/);
export const stateCodeParam = z.string().regex(/^[A-Z]{2}$/);

/** Returns the parsed value, or null (the page then answers 404). */
export function parseParam<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}
