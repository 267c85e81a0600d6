/**
 * Editions: the rules of their names and inputs, the citation line, and the comparison of two editions' frozen
 * figures. Pure; the database side is db/editions.ts (the copies and the scope), db/writes/editions.ts (publishing)
 * and db/queries/editions.ts (reading).
 */
import { z } from "zod";
import { isIsoDate } from "./as-of";
import { formatDate, type Locale } from "./format";
import type { Translate } from "./translate";

/**
 * "2026-H2", "2026-Q1", "2026-06", "2026": a year, then at most two parts of letters and digits. Only ASCII letters,
 * digits and hyphens: the name is also the file name of the edition's copy and a query parameter.
 */
export const EDITION_NAME = /^[0-9]{4}(-[A-Za-z0-9]{1,12}){0,2}$/;

export const editionName = z
  .string()
  .trim()
  .min(1, "Give the edition a name, such as 2026-H2.")
  .max(30, "Keep the name to 30 characters.")
  .regex(EDITION_NAME, "Use a year, then parts of letters and digits joined by hyphens, such as 2026-H2 or 2026-Q1.");

export function publishEditionInput(today: string) {
  return z
    .object({
      name: editionName,
      reportingDate: z
        .string()
        .trim()
        .refine(isIsoDate, "Use the form YYYY-MM-DD.")
        .refine((d) => d >= "1990-01-01", "The inventory starts in 1990.")
        .refine((d) => d <= today, "The reporting date cannot be after today: an edition freezes what is recorded now."),
    })
    .strict();
}

export type PublishEditionInput = z.infer<ReturnType<typeof publishEditionInput>>;

export interface EditionSummary {
  name: string;
  reportingDate: string;
  datasetVersion: string;
  publishedAt: string;
}

/**
 * The line to cite an edition by: title, edition, reporting date, dataset version, URL — in the reader's language
 * (the caller's translator and locale, as lib/reports takes them; the dates by lib/format.ts). The title, name and
 * version are names and stay as they are.
 */
export function editionCitation(title: string, edition: EditionSummary, url: string, { locale, t }: { locale: Locale; t: Translate }): string {
  return t("editions.citation", {
    title,
    name: edition.name,
    date: formatDate(edition.reportingDate, locale),
    version: edition.datasetVersion,
    published: formatDate(edition.publishedAt.slice(0, 10), locale),
    url,
  });
}

/** The figures an edition froze for a state (db: edition_figures). */
export interface FrozenFigures {
  stateCode: string;
  stateName: string;
  notTransposed: number;
  assessed: number;
  deficit: number | null;
  change: number | null;
  longOverdue: number | null;
  totalDelayMonths: number | null;
  conformityDeficit: number | null;
  overallScore: number | null;
}

export const COMPARED_FIGURES = ["deficit", "notTransposed", "longOverdue", "totalDelayMonths", "conformityDeficit", "overallScore"] as const;
export type ComparedFigure = (typeof COMPARED_FIGURES)[number];

export interface FigureComparison {
  from: number | null;
  to: number | null;
  /** to − from; null when either is missing. */
  difference: number | null;
}

export interface StateComparison {
  stateCode: string;
  stateName: string;
  /** Missing from one of the editions: not a member on its reporting date. */
  inFrom: boolean;
  inTo: boolean;
  figures: Record<ComparedFigure, FigureComparison>;
  changed: boolean;
}

/** What changed between two editions: each state's headline figures side by side, the states of either. */
export function compareEditions(from: readonly FrozenFigures[], to: readonly FrozenFigures[]): StateComparison[] {
  const a = new Map(from.map((f) => [f.stateCode, f]));
  const b = new Map(to.map((f) => [f.stateCode, f]));
  const codes = [...new Set([...a.keys(), ...b.keys()])].sort();
  return codes.map((code) => {
    const x = a.get(code);
    const y = b.get(code);
    const figures = Object.fromEntries(
      COMPARED_FIGURES.map((k) => {
        const fromValue = x?.[k] ?? null;
        const toValue = y?.[k] ?? null;
        return [k, { from: fromValue, to: toValue, difference: fromValue === null || toValue === null ? null : roundDifference(toValue - fromValue) }];
      }),
    ) as Record<ComparedFigure, FigureComparison>;
    const changed = !x || !y || COMPARED_FIGURES.some((k) => figures[k].from !== figures[k].to);
    return { stateCode: code, stateName: (y ?? x)!.stateName, inFrom: !!x, inTo: !!y, figures, changed };
  });
}

/** Floating-point differences of shares (0.3 − 0.1) read as the figures do. */
const roundDifference = (v: number) => Math.round(v * 1e9) / 1e9;

/** The editions folder's file of an edition. The name was validated: no separator or dot can reach the path. */
export function editionFileName(name: string): string {
  if (!EDITION_NAME.test(name)) throw new Error(`not an edition name: ${name}`);
  return `edition-${name}.sqlite`;
}

/**
 * The edition a page request asks to be viewed as of ("?edition=2026-H2"). Pages only: the API, the feeds, the open
 * data and Next's own files always read the live inventory (their URLs document what they serve, and exports are
 * audited live).
 */
export function editionAsked(url: string | undefined): string | null {
  if (!url || !url.includes("edition=")) return null;
  const parsed = new URL(url, "http://localhost");
  if (/^\/(api|feeds|_next)(\/|$)/.test(parsed.pathname)) return null;
  return parsed.searchParams.get("edition") || null;
}
