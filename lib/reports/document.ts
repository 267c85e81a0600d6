/**
 * A report as one document of already-written text: the printable page (app/) and the PDF (server/reports/pdf.ts)
 * both render this, so they cannot show different figures. Every word comes from the message catalogue and every
 * number and date through lib/format.ts in the report's locale; renderers add layout only.
 */
import type { OverallBand, Rating } from "@/lib/indicators/ratings";
import type { IndicatorId } from "@/lib/indicators/catalogue";
import { formatDate, type Locale } from "@/lib/format";
import type { Translate } from "@/lib/translate";

export interface ReportCell {
  text: string;
  /** An internal path the page links (the PDF prints the text only). */
  href?: string;
  /** The language of the text when it is not the report's (a national title). */
  lang?: string;
  /** Shown as a rating in words, symbol and colour. */
  rating?: Rating | null;
  /** A second line in smaller type. */
  note?: string;
}

export interface ReportColumn {
  label: string;
  /** Right-aligned figures. */
  isNumeric?: boolean;
  /** The share of the line the column takes in the PDF (default 1). */
  weight?: number;
}

export interface ReportTable {
  /** Names the table for assistive technology. */
  caption: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
}

export interface ReportSection {
  id: string;
  heading: string;
  paragraphs: string[];
  table?: ReportTable;
  /** Said after the table: rows left out, and where they are. */
  notes: string[];
}

export interface ReportFact {
  label: string;
  value: string;
}

/**
 * The domain's words a report shows, in its language, passed in by the caller as lib/map takes its MapWords: the
 * indicator catalogue and the vocabularies keep their English for the CSV and the API, the catalogues in
 * messages/<locale>.json hold the words shown ("indicators.<id>.label", "ratings.<band>", "vocabulary.<value>").
 */
export interface ReportWords {
  /** An indicator's name. */
  indicator: (id: IndicatorId) => string;
  /** An overall band ("Below average"). */
  band: (band: OverallBand) => string;
  /** A controlled vocabulary's value: an infringement's type and stage, a notification's completeness. */
  label: (value: string) => string;
}

/** The language a report is written in: its locale for numbers and dates, the translator for its sentences and the domain's words (the caller's, so lib/ needs no next-intl). */
export interface ReportLanguage {
  locale: Locale;
  t: Translate;
  words: ReportWords;
}

export interface ReportDocument {
  locale: Locale;
  title: string;
  subtitle: string;
  /** The as-of date, the dataset version and the record's own facts. */
  facts: ReportFact[];
  citation: string;
  sections: ReportSection[];
  /** The PDF's file name: letters, digits, dot, dash and underscore only. */
  fileName: string;
}

/** The version of the data a report is computed from: the latest audit event that changed data (db/queries/dataset.ts). */
export interface DatasetVersion {
  /** "v1234". */
  version: string;
  /** When that event happened (ISO timestamp); null for an empty trail. */
  at: string | null;
}

/** The dataset-version fact: "v1234 (last change 2026-12-06 10:12 UTC)". */
export function datasetVersionText(dataset: DatasetVersion, { locale, t }: ReportLanguage): string {
  if (dataset.at === null) return t("report.datasetVersionEmpty", { version: dataset.version });
  const at = `${formatDate(dataset.at.slice(0, 10), locale)} ${dataset.at.slice(11, 16)} UTC`;
  return t("report.datasetVersionValue", { version: dataset.version, at });
}

/** At most `limit` rows, and the note saying how many were left out. */
export function capRows<T>(rows: readonly T[], limit: number, t: Translate): { rows: T[]; notes: string[] } {
  if (rows.length <= limit) return { rows: [...rows], notes: [] };
  return { rows: rows.slice(0, limit), notes: [t("report.moreRows", { shown: limit, total: rows.length })] };
}

/** A file name safe for Content-Disposition: the parts joined by "-", anything but letters, digits, dot, dash and underscore dropped. */
export function reportFileName(...parts: string[]): string {
  return `${parts
    .map((p) => p.replace(/[^A-Za-z0-9._-]+/g, "_"))
    .join("-")
    .slice(0, 120)}.pdf`;
}

/** A cell of text only. */
export function cell(text: string, extra: Omit<ReportCell, "text"> = {}): ReportCell {
  return { text, ...extra };
}

/** Every text of the document in reading order: what a PDF's text must contain (the tests compare the two). */
export function documentText(document: ReportDocument): string[] {
  return [
    document.title,
    document.subtitle,
    ...document.facts.flatMap((f) => [f.label, f.value]),
    document.citation,
    ...document.sections.flatMap((s) => [
      s.heading,
      ...s.paragraphs,
      ...(s.table ? [...s.table.columns.map((c) => c.label), ...s.table.rows.flat().flatMap((c) => [c.text, ...(c.note ? [c.note] : [])])] : []),
      ...s.notes,
    ]),
  ];
}
