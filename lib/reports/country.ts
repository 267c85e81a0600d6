/**
 * The country report of one Member State on an as-of date (issue #18, item 2): its Scoreboard-style figures with
 * their ratings, the delay per instrument, its infringement proceedings, and its measures and provision coverage per
 * instrument. Pure: assembled from figures the dashboard computes (lib/indicators) and the state's summary rows; the
 * indicators' units and rules are the catalogue's (lib/indicators/catalogue.ts), their names and every word the caller's
 * language's (ReportLanguage).
 */
import type { MessageKey } from "@/lib/translate";
import { DEFAULT_LOCALE, formatDate, formatDecimal, formatShare, memberStateName, type Locale } from "@/lib/format";
import { INDICATORS, formatIndicator, type Indicator } from "@/lib/indicators/catalogue";
import type { StateCoverage } from "@/lib/indicators/dashboard";
import type { StateInfringements } from "@/lib/indicators/infringements";
import type { IsoDate } from "@/lib/indicators/inventory";
import type { Rating } from "@/lib/indicators/ratings";
import {
  DEFICIT_TARGETS,
  LONG_OVERDUE,
  type DelayStatus,
  type InstrumentDelay,
  type ScoreboardRow,
  type Scoreboard,
} from "@/lib/indicators/transposition-deficit";
import { DAYS_PER_MONTH } from "@/lib/indicators/timeline";
import {
  capRows,
  cell,
  datasetVersionText,
  reportFileName,
  type DatasetVersion,
  type ReportCell,
  type ReportDocument,
  type ReportLanguage,
  type ReportSection,
} from "./document";

/** Rows of each table at most: a state has records for about thirteen instruments in the real inventory, 2,000 at scale. */
export const REPORT_TABLE_ROWS = 50;

export const DATASET_NAME = "NIS Measures Inventory";

export interface ReportInstrument {
  id: number;
  celex: string;
  shortName: string;
}

/** One instrument the state has records for (db/queries/member-state-summary.ts), with its principal measure. */
export interface CountryInstrumentRow {
  instrumentId: number;
  celex: string;
  shortName: string;
  /** The notification's status when it counts on the date, else null. */
  notificationStatus: string | null;
  measureCount: number;
  /** Counted correspondences by status; `unknown` includes the provisions without one. */
  statusCounts: Record<string, number>;
  principalMeasure: { key: string; titleOriginal: string; language: string; titleEnglish: string | null } | null;
}

export interface CountryReportInput {
  state: { code: string; name: string; accessionDate: IsoDate; exitDate: IsoDate | null };
  asOf: IsoDate;
  dataset: DatasetVersion;
  /** The page's address, for the citation. */
  url: string;
  /** The Scoreboard of every state on the date (the averages the ratings are against come with it). */
  scoreboard: Scoreboard;
  coverage: StateCoverage | null;
  infringements: StateInfringements | null;
  /** The state's delays (lib/indicators/transposition-deficit.ts, computeInstrumentDelays). */
  delays: InstrumentDelay[];
  instruments: ReadonlyMap<number, ReportInstrument>;
  /** The instruments the state has records for, in adoption order (the first page of them), and how many there are. */
  instrumentRows: CountryInstrumentRow[];
  instrumentTotal: number;
}

export const DELAY_STATUS_MESSAGES: Record<DelayStatus, MessageKey> = {
  on_time: "report.delayOnTime",
  late: "report.delayLate",
  overdue: "report.delayOverdue",
  not_yet_due: "report.delayNotYetDue",
  date_unknown: "report.delayDateUnknown",
  not_recorded: "report.delayNotRecorded",
};

export function buildCountryReport(input: CountryReportInput, lang: ReportLanguage): ReportDocument {
  const { state, asOf, dataset } = input;
  const { locale, t: m } = lang;
  const row = input.scoreboard.rows.find((r) => r.stateCode === state.code) ?? null;
  const facts = [
    { label: m("report.asOf"), value: fmtDate(asOf, locale) },
    { label: m("report.datasetVersion"), value: datasetVersionText(dataset, lang) },
    { label: m("report.memberSince"), value: fmtDate(state.accessionDate, locale) },
    ...(state.exitDate ? [{ label: m("report.leftOn"), value: fmtDate(state.exitDate, locale) }] : []),
  ];
  return {
    locale,
    title: m("report.countryTitle", { state: memberStateName(state.code, state.name, locale), code: state.code }),
    subtitle: m("report.countrySubtitle", { state: memberStateName(state.code, state.name, locale) }),
    facts,
    citation: m("report.citationCountry", {
      dataset: DATASET_NAME,
      state: memberStateName(state.code, state.name, locale),
      code: state.code,
      date: fmtDate(asOf, locale),
      version: dataset.version,
      url: input.url,
    }),
    sections: [figuresSection(input, row, lang), delaysSection(input, lang), infringementsSection(input, lang), measuresSection(input, lang)],
    fileName: reportFileName("country-report", state.code, asOf, dataset.version),
  };
}

const fmtDate = (date: IsoDate, locale: Locale) => formatDate(date, locale);

/** The value as the indicator writes it, in the report's locale. */
function value(indicator: Indicator, v: number | null, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return formatIndicator(indicator, v);
  if (v === null) return "—";
  if (indicator.unit === "percent") return formatShare(v, 1, locale);
  if (indicator.unit === "months") return formatDecimal(v, 1, locale);
  return indicator.formatNumber(v);
}

function figuresSection(input: CountryReportInput, row: ScoreboardRow | null, lang: ReportLanguage): ReportSection {
  const { locale, t: m, words } = lang;
  const base = { id: "figures", heading: m("report.figuresHeading"), notes: [] };
  if (!row)
    return {
      ...base,
      paragraphs: [m("report.notMember", { state: memberStateName(input.state.code, input.state.name, locale), date: fmtDate(input.asOf, locale) })],
    };
  const { averages, previousDate } = input.scoreboard;
  const { deficit, change, long_overdue: longOverdue, total_delay: totalDelay, conformity, overall, coverage, infringements } = INDICATORS;
  const rated = (rating: Rating | null): ReportCell => cell(rating === null ? m("report.notRated") : "", { rating });
  const average = (indicator: Indicator, v: number | null) => (v === null ? "" : m("report.average", { value: value(indicator, v, locale) }));
  const d = row.deficit;
  const rows: ReportCell[][] = [
    [
      cell(words.indicator(deficit.id)),
      cell(value(deficit, d.deficit, locale)),
      rated(row.ratings.deficit),
      cell(m("report.target", { value: m("report.deficitTarget", { value: formatShare(DEFICIT_TARGETS.europeanCouncil2007.value, 0, locale) }) }), {
        note: average(deficit, averages.deficit) || undefined,
      }),
      cell(m("report.deficitDetail", { notTransposed: d.notTransposedCount, assessed: d.assessedCount, notAssessed: d.notAssessedCount, due: d.dueCount })),
    ],
    [
      cell(words.indicator(change.id)),
      cell(value(change, row.change.change, locale)),
      rated(row.ratings.change),
      cell(m("report.sinceDate", { date: fmtDate(previousDate, locale) })),
      cell(""),
    ],
    [
      cell(words.indicator(longOverdue.id)),
      cell(row.ratings.longOverdue === null ? "—" : value(longOverdue, row.longOverdue.count, locale)),
      rated(row.ratings.longOverdue),
      cell(m("report.target", { value: String(LONG_OVERDUE.target) })),
      cell(""),
    ],
    [
      cell(words.indicator(totalDelay.id)),
      cell(value(totalDelay, row.totalDelay.totalMonths, locale)),
      rated(row.ratings.totalDelay),
      cell(average(totalDelay, averages.totalDelayMonths)),
      cell(""),
    ],
    [
      cell(words.indicator(conformity.id)),
      cell(value(conformity, row.conformity.share, locale)),
      rated(row.ratings.conformityDeficit),
      cell(average(conformity, averages.conformityDeficit)),
      cell(""),
    ],
    [
      cell(words.indicator(overall.id)),
      cell(value(overall, row.overall.score, locale)),
      cell(row.overall.band ? words.band(row.overall.band) : m("report.notRated")),
      cell(""),
      cell(row.overall.band ? m("report.overallDetail", { band: words.band(row.overall.band), rated: row.overall.ratedCount }) : ""),
    ],
    [
      cell(words.indicator(coverage.id)),
      cell(value(coverage, input.coverage?.coverage ?? null, locale)),
      cell(m("report.notRated")),
      cell(""),
      cell(
        input.coverage
          ? m("report.coverageDetail", { full: input.coverage.fullCount, assessed: input.coverage.assessedCount, applicable: input.coverage.applicableCount })
          : "",
      ),
    ],
    [
      cell(words.indicator(infringements.id)),
      cell(value(infringements, input.infringements?.openCount ?? 0, locale)),
      cell(m("report.notRated")),
      cell(""),
      cell(
        input.infringements?.longestOpenMonths != null
          ? m("report.infringementsDetail", { months: formatDecimal(input.infringements.longestOpenMonths, 1, locale) })
          : input.infringements?.openCount
            ? ""
            : m("report.infringementsNone"),
      ),
    ],
  ];
  return {
    ...base,
    paragraphs: [m("report.figuresIntro"), m("report.countryScope")],
    table: {
      caption: m("report.figuresHeading"),
      columns: [
        { label: m("report.columnIndicator"), weight: 2 },
        { label: m("report.columnValue"), isNumeric: true },
        { label: m("report.columnRating"), weight: 1.3 },
        { label: m("report.columnReference"), weight: 2 },
        { label: m("report.columnDetail"), weight: 2.2 },
      ],
      rows,
    },
  };
}

/** Days as months with one decimal, as the national-transposition table writes them. */
export function monthsOfDays(days: number | null, locale: Locale = DEFAULT_LOCALE): string {
  return days === null ? "—" : formatDecimal(days / DAYS_PER_MONTH, 1, locale);
}

function delaysSection(input: CountryReportInput, lang: ReportLanguage): ReportSection {
  const { locale, t: m } = lang;
  const base = { id: "delays", heading: m("report.delaysHeading") };
  if (input.delays.length === 0)
    return {
      ...base,
      paragraphs: [m("report.delaysEmpty", { state: memberStateName(input.state.code, input.state.name, locale), date: fmtDate(input.asOf, locale) })],
      notes: [],
    };
  // Beyond a page of them (the acquis at scale), the longest delays are the ones a reader of the report needs.
  const isCapped = input.delays.length > REPORT_TABLE_ROWS;
  const chosen = isCapped ? [...input.delays].sort((a, b) => (b.delayDays ?? -1) - (a.delayDays ?? -1)).slice(0, REPORT_TABLE_ROWS) : input.delays;
  const rows = [...chosen].sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.instrumentId - b.instrumentId));
  const notes = isCapped ? [m("report.longestDelays", { shown: REPORT_TABLE_ROWS, total: input.delays.length })] : [];
  return {
    ...base,
    paragraphs: [m("report.delaysIntro", { date: fmtDate(input.asOf, locale) })],
    notes,
    table: {
      caption: m("report.delaysHeading"),
      columns: [
        { label: m("report.columnInstrument"), weight: 1.6 },
        { label: m("report.columnDeadline") },
        { label: m("report.columnTransposedOn"), weight: 1.2 },
        { label: m("report.columnStatus"), weight: 1.4 },
        { label: m("report.columnDelay"), isNumeric: true },
      ],
      rows: rows.map((d) => {
        const instrument = input.instruments.get(d.instrumentId);
        const transposed = d.notifiedOn === null ? "—" : fmtDate(d.notifiedOn, locale);
        return [
          instrumentCell(instrument, d.instrumentId),
          cell(fmtDate(d.deadline, locale)),
          cell(d.isDateInferred && d.notifiedOn ? m("report.dateInferred", { date: transposed }) : transposed),
          cell(m(DELAY_STATUS_MESSAGES[d.status])),
          cell(monthsOfDays(d.delayDays, locale)),
        ];
      }),
    },
  };
}

function instrumentCell(instrument: ReportInstrument | undefined, id: number): ReportCell {
  return instrument ? cell(instrument.shortName, { href: `/instruments/${instrument.celex}`, note: instrument.celex }) : cell(String(id));
}

function infringementsSection(input: CountryReportInput, lang: ReportLanguage): ReportSection {
  const { locale, t: m, words } = lang;
  const base = { id: "infringements", heading: m("report.infringementsHeading") };
  const proceedings = input.infringements?.proceedings ?? [];
  if (proceedings.length === 0)
    return {
      ...base,
      paragraphs: [m("report.infringementsEmpty", { state: memberStateName(input.state.code, input.state.name, locale), date: fmtDate(input.asOf, locale) })],
      notes: [],
    };
  const { rows, notes } = capRows(proceedings, REPORT_TABLE_ROWS, lang.t);
  return {
    ...base,
    paragraphs: [],
    notes,
    table: {
      caption: m("report.infringementsHeading"),
      columns: [
        { label: m("report.columnInstrument"), weight: 1.5 },
        { label: m("report.columnType"), weight: 1.3 },
        { label: m("report.columnStarted") },
        { label: m("report.columnLatestStage"), weight: 1.5 },
        { label: m("report.columnOpen"), weight: 0.9 },
        { label: m("report.columnDuration"), isNumeric: true },
        { label: m("report.columnCourtCase") },
      ],
      rows: rows.map((p) => [
        instrumentCell(input.instruments.get(p.instrumentId), p.instrumentId),
        cell(words.label(p.type)),
        cell(p.startedOn ? fmtDate(p.startedOn, locale) : "—"),
        cell(p.latestStage ? words.label(p.latestStage) : "—"),
        cell(p.isOpen ? m("report.open") : m("report.closed")),
        cell(p.durationMonths === null ? "—" : formatDecimal(p.durationMonths, 1, locale)),
        cell(p.courtCase ?? "—"),
      ]),
    },
  };
}

function measuresSection(input: CountryReportInput, lang: ReportLanguage): ReportSection {
  const { locale, t: m, words } = lang;
  const base = { id: "measures", heading: m("report.measuresHeading") };
  if (input.instrumentTotal === 0)
    return {
      ...base,
      paragraphs: [m("report.measuresEmpty", { state: memberStateName(input.state.code, input.state.name, locale), date: fmtDate(input.asOf, locale) })],
      notes: [],
    };
  const notes =
    input.instrumentTotal > input.instrumentRows.length ? [m("report.moreRows", { shown: input.instrumentRows.length, total: input.instrumentTotal })] : [];
  return {
    ...base,
    paragraphs: [m("report.measuresIntro", { state: memberStateName(input.state.code, input.state.name, locale), date: fmtDate(input.asOf, locale) })],
    notes,
    table: {
      caption: m("report.measuresHeading"),
      columns: [
        { label: m("report.columnInstrument"), weight: 1.4 },
        { label: m("report.columnNotification") },
        { label: m("report.columnMeasures"), isNumeric: true, weight: 0.8 },
        { label: m("report.columnPrincipal"), weight: 3.2 },
        { label: m("report.columnProvisions"), isNumeric: true },
        { label: m("report.columnCoverage"), isNumeric: true, weight: 0.9 },
      ],
      rows: input.instrumentRows.map((r) => {
        const full = r.statusCounts.full ?? 0;
        const assessed = assessedOf(r.statusCounts);
        const principal = r.principalMeasure;
        return [
          cell(r.shortName, { href: `/member-states/${input.state.code}/instruments/${r.celex}`, note: r.celex }),
          cell(r.notificationStatus ? words.label(r.notificationStatus) : m("report.notRecorded")),
          cell(String(r.measureCount)),
          principal
            ? cell(principal.titleOriginal, { href: `/measures/${principal.key}`, lang: principal.language, note: principal.titleEnglish ?? undefined })
            : cell("—"),
          cell(`${full} / ${assessed}`),
          cell(assessed === 0 ? "—" : value(INDICATORS.coverage, full / assessed, locale)),
        ];
      }),
    },
  };
}

/** Provisions assessed: all counted but not applicable and unknown (lib/indicators/coverage.ts). */
export function assessedOf(counts: Record<string, number>): number {
  return Object.entries(counts).reduce((sum, [status, n]) => (status === "unknown" || status === "not_applicable" ? sum : sum + n), 0);
}
