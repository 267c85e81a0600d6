/** Building blocks shared by every form and API schema. Empty form fields mean "no value". */
import { z } from "zod";
import { toStoredDate } from "../partial-date";

const emptyToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : typeof v === "string" ? v.trim() : v);

export const isoDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form YYYY-MM-DD.")
  .refine((s) => {
    // zod runs this even after the regex failed, so it must not throw on any string.
    const time = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s);
  }, "This date does not exist.");

/** A day written the European way, DD/MM/YYYY, read as the ISO day it names; anything else is left for the schema to judge. */
function europeanDateToIso(value: unknown): unknown {
  const v = emptyToNull(value);
  if (typeof v !== "string") return v;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  return m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : v;
}

export const optionalDate = z.preprocess(europeanDateToIso, isoDateString.nullable());

/** A date as precise as its source: `1999-12-13`, or `1999-12` / `1999` when the source gives only a month or a year (lib/partial-date.ts). */
export const partialDateString = z
  .string()
  .refine(
    (s) => toStoredDate(s) !== null && (s.length !== 10 || isoDateString.safeParse(s).success),
    "Use YYYY-MM-DD (or DD/MM/YYYY), or YYYY-MM or YYYY when the source gives only a month or a year.",
  );
export const optionalPartialDate = z.preprocess(europeanDateToIso, partialDateString.nullable());
export const optionalText = (max: number) => z.preprocess(emptyToNull, z.string().max(max, `Use at most ${max} characters.`).nullable());
export const requiredText = (max: number, message = "Required.") =>
  z.preprocess(emptyToNull, z.string({ error: message }).min(1, message).max(max, `Use at most ${max} characters.`));

export const optionalHttpUrl = z.preprocess(
  emptyToNull,
  z
    .string()
    .max(2000)
    .refine((u) => {
      try {
        const url = new URL(u);
        return url.protocol === "http:" || url.protocol === "https:";
      } catch {
        return false;
      }
    }, "Use a full http:// or https:// address.")
    .nullable(),
);

export const stateCode = z.string().regex(/^[A-Z]{2}$/, "Choose a Member State.");
export const celexNumber = z.string().regex(/^[0-9]{5}[A-Z]{1,2}[0-9]{4}$/, "Use a CELEX number such as 31995L0046.");
export const recordId = z.coerce.number().int().positive();
export const recordVersion = z.coerce.number({ error: "The form lost its version; reload the page." }).int().positive();

/** A checkbox: present means true. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** A list from repeated form fields or a JSON array; empty entries dropped. */
export const stringList = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (v) => (v == null ? [] : (Array.isArray(v) ? v : [v]).map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== "")),
    z.array(item),
  );

/**
 * Turns FormData into a plain object; fields named in `lists` keep every value.
 * Built with Object.fromEntries, which defines each key as an own property: a
 * field named `__proto__` or `constructor` is an unknown field the strict schema
 * refuses, never the object's prototype (and the object stays plain, as React
 * requires of what crosses to a client component).
 */
export function formDataToObject(form: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    entries.push([key, lists.includes(key) ? values : values[0]]);
  }
  for (const key of lists) if (!entries.some(([k]) => k === key)) entries.push([key, []]);
  return Object.fromEntries(entries);
}

export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const byField = new Map<string, string[]>();
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    byField.set(key, [...(byField.get(key) ?? []), issue.message]);
  }
  return Object.fromEntries(byField);
}
