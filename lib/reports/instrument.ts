/**
 * The directive report of one instrument on an as-of date (issue #18, item 2): its facts, Scoreboard-style figures
 * over the Member States bound by it (delays, the long-overdue target, conformity, coverage, infringements) and its
 * national transposition state by state. Pure: assembled from the national-transposition rows
 * (lib/indicators/national-transposition.ts) and each state's coverage of the instrument (lib/indicators/coverage.ts).
 */
import { formatCount, formatDate, formatDecimal, formatShare, memberStateName } from "@/lib/format";
import type { InstrumentCoverage } from "@/lib/indicators/coverage";
import type { IsoDate } from "@/lib/indicators/inventory";
import type { NationalTranspositionEntry } from "@/lib/indicators/national-transposition";
import { rateAgainstTarget } from "@/lib/indicators/ratings";
import { LONG_OVERDUE } from "@/lib/indicators/transposition-deficit";
import { addYears } from "@/lib/indicators/timeline";
import {
  cell,
  datasetVersionText,
  reportFileName,
  type DatasetVersion,
  type ReportCell,
  type ReportDocument,
  type ReportLanguage,
  type ReportSection,
} from "./document";
import { DATASET_NAME, DELAY_STATUS_MESSAGES, monthsOfDays } from "./country";

export interface InstrumentReportInput {
  instrument: {
    celex: string;
    shortName: string;
    title: string;
    type: string;
    adoptionDate: IsoDate;
    transpositionDeadline: IsoDate | null;
    appliesFrom: IsoDate | null;
    repealedBy: string | null;
    repealedFrom: IsoDate | null;
  };
  asOf: IsoDate;
  dataset: DatasetVersion;
  url: string;
  /** One row per Member State bound by the instrument on the date. */
  rows: NationalTranspositionEntry[];
  /** Each state's coverage of the instrument's provisions on the date. */
  coverage: InstrumentCoverage[];
}

/** The instrument's figures over the states bound by it, each formula on its field. */
export interface InstrumentFigures {
  /** States whose deadline passed by the date (rows other than not yet due). */
  boundCount: number;
  onTimeCount: number;
  lateCount: number;
  overdueCount: number;
  /** Complete without a date, or no notification recorded: left out of the share, as the deficit leaves them out. */
  unknownCount: number;
  /** notTransposedShare = overdue / (on time + late + overdue); null when none is known. */
  notTransposedShare: number | null;
  /** Overdue with the date ≥ deadline + 2 years (the long-overdue rule). */
  longOverdueCount: number;
  /** Mean of the delays in days of the late and overdue states; null without one. */
  meanDelayDays: number | null;
  nonConformingCount: number;
  openInfringementCount: number;
  /** Σ full / Σ assessed over the states' coverage cells; null when nothing is assessed. */
  coverage: number | null;
  fullCount: number;
  assessedCount: number;
}

export function computeInstrumentReportFigures(input: Pick<InstrumentReportInput, "rows" | "coverage" | "asOf">): InstrumentFigures {
  const bound = input.rows.filter((r) => r.delayStatus !== "not_yet_due");
  const count = (status: NationalTranspositionEntry["delayStatus"]) => bound.filter((r) => r.delayStatus === status).length;
  const onTimeCount = count("on_time");
  const lateCount = count("late");
  const overdueCount = count("overdue");
  const known = onTimeCount + lateCount + overdueCount;
  const delayed = bound.filter((r) => (r.delayStatus === "late" || r.delayStatus === "overdue") && r.delayDays !== null);
  const fullCount = input.coverage.reduce((sum, c) => sum + c.counts.full, 0);
  const assessedCount = input.coverage.reduce((sum, c) => sum + c.assessedCount, 0);
  return {
    boundCount: bound.length,
    onTimeCount,
    lateCount,
    overdueCount,
    unknownCount: bound.length - known,
    notTransposedShare: known === 0 ? null : overdueCount / known,
    longOverdueCount: bound.filter((r) => r.delayStatus === "overdue" && addYears(r.deadline, LONG_OVERDUE.years) <= input.asOf).length,
    meanDelayDays: delayed.length === 0 ? null : delayed.reduce((sum, r) => sum + r.delayDays!, 0) / delayed.length,
    nonConformingCount: bound.filter((r) => r.nonConformingProvisions > 0).length,
    openInfringementCount: input.rows.filter((r) => r.infringement?.isOpen).length,
    coverage: assessedCount === 0 ? null : fullCount / assessedCount,
    fullCount,
    assessedCount,
  };
}

export function buildInstrumentReport(input: InstrumentReportInput, lang: ReportLanguage): ReportDocument {
  const { instrument, asOf, dataset } = input;
  const { locale, t: m } = lang;
  const date = (d: IsoDate) => formatDate(d, locale);
  const isRegulation = instrument.type === "regulation";
  const facts = [
    { label: m("report.asOf"), value: date(asOf) },
    { label: m("report.datasetVersion"), value: datasetVersionText(dataset, lang) },
    { label: m("report.celex"), value: instrument.celex },
    { label: m("report.adopted"), value: date(instrument.adoptionDate) },
    isRegulation
      ? { label: m("report.appliesFrom"), value: instrument.appliesFrom ? date(instrument.appliesFrom) : "—" }
      : { label: m("report.deadline"), value: instrument.transpositionDeadline ? date(instrument.transpositionDeadline) : "—" },
    {
      label: m("report.repealed"),
      value: instrument.repealedBy
        ? m("report.repealedBy", { celex: instrument.repealedBy, date: instrument.repealedFrom ? date(instrument.repealedFrom) : "—" })
        : m("report.inForce"),
    },
  ];
  return {
    locale,
    title: m(isRegulation ? "report.regulationTitle" : "report.instrumentTitle", { instrument: instrument.shortName }),
    subtitle: instrument.title,
    facts,
    citation: m("report.citationInstrument", {
      dataset: DATASET_NAME,
      instrument: instrument.shortName,
      celex: instrument.celex,
      date: date(asOf),
      version: dataset.version,
      url: input.url,
    }),
    sections: isRegulation
      ? [{ id: "figures", heading: m("report.figuresHeading"), paragraphs: [m("report.regulationNote")], notes: [] }]
      : [figuresSection(input, lang), byStateSection(input, lang)],
    fileName: reportFileName("directive-report", instrument.celex, asOf, dataset.version),
  };
}

function figuresSection(input: InstrumentReportInput, lang: ReportLanguage): ReportSection {
  const { locale, t: m, words } = lang;
  const f = computeInstrumentReportFigures(input);
  const count = (n: number) => formatCount(n, locale);
  const share = (v: number | null) => (v === null ? "—" : formatShare(v, 1, locale));
  const longOverdueRating = f.boundCount === 0 ? null : rateAgainstTarget(f.longOverdueCount, LONG_OVERDUE.target);
  const row = (name: string, v: string, rating: ReportCell = cell(m("report.notRated")), reference = "", detail = ""): ReportCell[] => [
    cell(name),
    cell(v),
    rating,
    cell(reference),
    cell(detail),
  ];
  return {
    id: "figures",
    heading: m("report.figuresHeading"),
    paragraphs: [
      m("report.instrumentFiguresIntro", { instrument: input.instrument.shortName, date: formatDate(input.asOf, locale) }),
      m("report.figuresIntro"),
    ],
    notes: [],
    table: {
      caption: m("report.figuresHeading"),
      columns: [
        { label: m("report.columnIndicator"), weight: 2.4 },
        { label: m("report.columnValue"), isNumeric: true },
        { label: m("report.columnRating"), weight: 1.3 },
        { label: m("report.columnReference"), weight: 1.6 },
        { label: m("report.columnDetail"), weight: 1.8 },
      ],
      rows: [
        row(m("report.statesBound"), count(f.boundCount)),
        row(m("report.statesOnTime"), count(f.onTimeCount)),
        row(m("report.statesLate"), count(f.lateCount)),
        row(m("report.statesOverdue"), count(f.overdueCount)),
        row(m("report.statesUnknown"), count(f.unknownCount)),
        row(m("report.notTransposedShare"), share(f.notTransposedShare)),
        row(
          m("report.statesLongOverdue"),
          count(f.longOverdueCount),
          cell(longOverdueRating === null ? m("report.notRated") : "", { rating: longOverdueRating }),
          m("report.target", { value: String(LONG_OVERDUE.target) }),
        ),
        row(m("report.meanDelay"), monthsOfDays(f.meanDelayDays, locale)),
        row(m("report.statesNonConforming"), count(f.nonConformingCount)),
        row(
          words.indicator("coverage"),
          share(f.coverage),
          undefined,
          "",
          m("report.coverageDetail", { full: f.fullCount, assessed: f.assessedCount, applicable: sumApplicable(input.coverage) }),
        ),
        row(m("report.statesOpenInfringement"), count(f.openInfringementCount)),
      ],
    },
  };
}

function sumApplicable(coverage: readonly InstrumentCoverage[]): number {
  return coverage.reduce((sum, c) => sum + c.applicableCount, 0);
}

function byStateSection(input: InstrumentReportInput, lang: ReportLanguage): ReportSection {
  const { locale, t: m, words } = lang;
  const base = { id: "states", heading: m("report.byStateHeading"), notes: [] };
  if (input.rows.length === 0)
    return { ...base, paragraphs: [m("report.byStateEmpty", { instrument: input.instrument.shortName, date: formatDate(input.asOf, locale) })] };
  const coverageOf = new Map(input.coverage.map((c) => [c.stateCode, c]));
  const rows = [...input.rows].sort((a, b) => a.stateName.localeCompare(b.stateName, locale));
  return {
    ...base,
    paragraphs: [m("report.delaysIntro", { date: formatDate(input.asOf, locale) })],
    table: {
      caption: m("report.byStateHeading"),
      columns: [
        { label: m("report.columnState"), weight: 1.3 },
        { label: m("report.columnDeadline") },
        { label: m("report.columnNotification") },
        { label: m("report.columnTransposedOn"), weight: 1.1 },
        { label: m("report.columnStatus"), weight: 1.2 },
        { label: m("report.columnDelay"), isNumeric: true, weight: 0.8 },
        { label: m("report.columnCoverage"), isNumeric: true, weight: 0.8 },
        { label: m("report.columnNonConforming"), isNumeric: true, weight: 0.9 },
        { label: m("report.columnInfringement"), weight: 1.4 },
      ],
      rows: rows.map((r) => {
        const coverage = coverageOf.get(r.stateCode);
        const transposed = r.transposedOn ? formatDate(r.transposedOn, locale) : "—";
        const inferred = r.transposedOn !== null && r.dateBasis !== null && r.dateBasis !== "notified";
        return [
          cell(`${memberStateName(r.stateCode, r.stateName, locale)} (${r.stateCode})`, {
            href: `/member-states/${r.stateCode}/instruments/${input.instrument.celex}`,
          }),
          cell(formatDate(r.deadline, locale)),
          cell(r.notificationStatus ? words.label(r.notificationStatus) : m("report.notRecorded")),
          cell(inferred ? m("report.dateInferred", { date: transposed }) : transposed),
          cell(m(DELAY_STATUS_MESSAGES[r.delayStatus])),
          cell(r.delayMonths === null ? "—" : formatDecimal(r.delayMonths, 1, locale)),
          cell(coverage?.coverage == null ? "—" : formatShare(coverage.coverage, 1, locale)),
          cell(String(r.nonConformingProvisions)),
          r.infringement
            ? cell(words.label(r.infringement.stage), {
                note: [r.infringement.date ? formatDate(r.infringement.date, locale) : null, r.infringement.courtCase].filter(Boolean).join(" · ") || undefined,
              })
            : cell("—"),
        ];
      }),
    },
  };
}
