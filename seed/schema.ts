/**
 * The shape of every seed file, checked with zod when the loader reads it.
 * One file per kind of fact; each asserted fact carries an inline `source`
 * (the loader stores each distinct source once, keyed by URL or document).
 */
import { z } from "zod";
import {
  addressees,
  infringementStages,
  infringementTypes,
  instrumentTypes,
  lineageRelations,
  measureStatuses,
  measureTypes,
  notificationStatuses,
  provisionKinds,
  securityProperties,
  sourceKinds,
  sourceMethods,
  threatCategories,
  transpositionRelations,
  transpositionStatuses,
  verificationStates,
} from "../lib/vocabulary";

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be an ISO date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a real calendar date");

/**
 * A date as precise as its source: a day `1999-12-13`, a month `1999-12` or a
 * year `1999`. The loader stores the last day of the period with its precision
 * (lib/partial-date.ts), so the "as of" rule never counts from an invented day.
 */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be an ISO date YYYY-MM-DD, or YYYY-MM or YYYY when the source gives only a month or a year")
  .refine((s) => s.length < 10 || isoDate.safeParse(s).success, "is not a real calendar date")
  .refine((s) => s.length !== 7 || (Number(s.slice(5)) >= 1 && Number(s.slice(5)) <= 12), "has no such month");

export const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), "must be an http or https URL");

export const seedSource = z
  .object({
    url: httpUrl.optional(),
    document: z.string().min(3).optional(),
    title: z.string().min(3),
    retrievedOn: isoDate,
    method: z.enum(sourceMethods),
    /** Who published it (official journal, government, Commission, court, DPA, commentary); required of every new record. */
    kind: z.enum(sourceKinds).optional(),
    verification: z.enum(verificationStates),
  })
  .strict()
  .refine((s) => s.url || s.document, "needs a url or a document citation");

export const euCountryCode = z.string().regex(/^[A-Z]{2}$/, "must be a two-letter EU country code (EL, UK, …)");
export const celex = z.string().regex(/^[0-9][0-9]{4}[A-Z]{1,2}[0-9]{4}$/, "must be a CELEX number such as 31995L0046");

export const seedMemberState = z
  .object({
    code: euCountryCode,
    name: z.string().min(2),
    accessionDate: isoDate,
    exitDate: isoDate.nullable(),
    source: seedSource,
  })
  .strict();

export const seedInstrument = z
  .object({
    celex,
    type: z.enum(instrumentTypes),
    shortName: z.string().min(3),
    title: z.string().min(10),
    adoptionDate: isoDate,
    ojReference: z.string().min(5),
    eli: httpUrl.nullable(),
    transpositionDeadline: isoDate.nullable(),
    /** For a regulation: the date it applies from (it has no transposition deadline). */
    appliesFrom: isoDate.nullable().default(null),
    repealedBy: celex.nullable(),
    repealedFrom: isoDate.nullable(),
    source: seedSource,
  })
  .strict();

export const seedProvision = z
  .object({
    instrument: celex,
    /** "17", "17(1)", "I" — unique within the instrument and kind. */
    number: z.string().min(1).max(20),
    kind: z.enum(provisionKinds),
    heading: z.string().min(2),
    summary: z.string().min(5),
    requiresTransposition: z.boolean(),
    /** Only where the provision has a deadline of its own, different from the instrument's. */
    deadline: isoDate.nullable().default(null),
    securityRelevant: z.boolean(),
    source: seedSource,
  })
  .strict();

export const provisionRef = z.object({ instrument: celex, kind: z.enum(provisionKinds), number: z.string().min(1) }).strict();

export const seedObligation = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/, "must be a kebab-case key"),
    duty: z.string().min(10),
    addressee: z.enum(addressees),
    securityProperties: z.array(z.enum(securityProperties)).min(1),
    threats: z.array(z.enum(threatCategories)),
    provisions: z.array(provisionRef).min(1),
    source: seedSource,
  })
  .strict();

export const seedMeasure = z
  .object({
    /** Stable key used by notifications and transpositions, e.g. "de-bdsg-2001". */
    key: z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/, "must be '<state>-<kebab-name>'"),
    state: euCountryCode,
    titleOriginal: z.string().min(5),
    titleEnglish: z.string().min(5).nullable(),
    /** true when titleEnglish is our working translation, not an official one. */
    titleEnglishIsWorkingTranslation: z.boolean(),
    /** Optional working titles for the French and German interface: ours, never official. */
    workingTitleFr: z.string().min(5).nullable().default(null),
    workingTitleDe: z.string().min(5).nullable().default(null),
    language: z.string().regex(/^[a-z]{2}$/, "must be an ISO 639-1 code"),
    type: z.enum(measureTypes),
    nationalIdentifier: z.string().min(2).nullable(),
    eli: httpUrl.nullable().default(null),
    eurLexNimNumber: z.string().nullable().default(null),
    adoptedOn: partialDate.nullable(),
    publishedOn: partialDate.nullable(),
    inForceOn: partialDate.nullable(),
    notifiedOn: partialDate.nullable(),
    repealedOn: partialDate.nullable().default(null),
    publicationReference: z.string().min(3).nullable(),
    url: httpUrl.nullable(),
    status: z.enum(measureStatuses),
    instruments: z.array(celex).min(1),
    note: z.string().nullable().default(null),
    source: seedSource,
  })
  .strict();

export const seedNotification = z
  .object({
    state: euCountryCode,
    instrument: celex,
    status: z.enum(notificationStatuses),
    notifiedOn: partialDate.nullable(),
    principalMeasure: z.string().nullable(),
    /** The date the status was established on ("no act adopted as of 2025-09-30"). */
    statusAsOf: isoDate.nullable().default(null),
    note: z.string().nullable().default(null),
    source: seedSource,
  })
  .strict();

export const seedInfringement = z
  .object({
    state: euCountryCode,
    instrument: celex,
    type: z.enum(infringementTypes),
    procedureNumber: z.string().nullable(),
    courtCase: z
      .string()
      .regex(/^C-\d+\/\d{2}$/, "must be a Court case number like C-450/00")
      .nullable(),
    stages: z.array(z.object({ stage: z.enum(infringementStages), date: partialDate.nullable(), note: z.string().nullable().default(null) }).strict()).min(1),
    outcome: z.string().nullable(),
    source: seedSource,
  })
  .strict();

export const seedTransposition = z
  .object({
    state: euCountryCode,
    provision: provisionRef,
    status: z.enum(transpositionStatuses),
    relation: z.enum(transpositionRelations).nullable(),
    nationalProvision: z.string().nullable(),
    measures: z.array(z.string()),
    note: z.string().nullable(),
    assessedOn: isoDate,
    source: seedSource,
  })
  .strict();

/** One link in a line of law: `instrument` was repealed / amended / replaced by `by`, from a date. */
export const seedLineage = z
  .object({
    instrument: celex,
    relation: z.enum(lineageRelations),
    by: celex,
    /** The day the relation takes effect (a repeal's date of application, an amendment's entry into force). */
    from: isoDate.nullable(),
    note: z.string().nullable().default(null),
    source: seedSource,
  })
  .strict();

export type SeedSource = z.infer<typeof seedSource>;
