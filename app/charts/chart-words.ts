/**
 * A chart's table (lib/charts, English as its CSV writes it) in the interface's language: title, caption, column
 * heads, empty message and the row labels that are words (state names, delay classes). The values stay the drawn
 * ones; the CSV link keeps serving the English table.
 */
import { getLocale, getTranslations } from "next-intl/server";
import { getLabel } from "@/app/i18n/vocabulary";
import { DELAY_BINS, type ChartTable } from "@/lib/charts";
import { formatDate, memberStateName, type Locale } from "@/lib/format";
import { securityProperties } from "@/lib/vocabulary";

type ChartsT = Awaited<ReturnType<typeof getTranslations<"charts">>>;

/** "France (FR)" as the table writes a state → its name in the language. */
function stateLabel(text: unknown, locale: Locale): string | null {
  const match = typeof text === "string" ? /^(.*) \(([A-Z]{2})\)$/.exec(text) : null;
  return match ? `${memberStateName(match[2]!, match[1]!, locale)} (${match[2]})` : null;
}

/** The page's translator of chart tables, and the deficit chart's reference lines (DEFICIT_REFERENCE_LINES' order) in its language. */
export async function chartWords(): Promise<{ inLanguage: (table: ChartTable) => ChartTable; references: string[] }> {
  const t = await getTranslations("charts");
  const label = await getLabel();
  const locale = (await getLocale()) as Locale;
  const references = [t("referenceCouncil"), t("referenceSingleMarket")];
  return { inLanguage: (table) => chartInLanguage(table, t, label, locale, references), references };
}

/** Exported for its test: English must read exactly as lib/charts writes (the data table equals the CSV). */
export function chartInLanguage(table: ChartTable, t: ChartsT, label: (value: string) => string, locale: Locale, references: string[]): ChartTable {
  const date = formatDate(table.asOf, locale);
  const f = table.figures;
  const heads: Record<string, string> = {
    state: t("columns.state"),
    deficit_percent: t("columns.deficitPercent"),
    not_transposed: table.id === "delays" ? t("columns.notTransposedOverdue") : t("columns.notTransposed"),
    assessed: t("columns.assessed"),
    not_assessed: t("columns.notAssessed"),
    date_inferred: t("columns.dateInferred"),
    date: t("columns.date"),
    states_transposed: t("columns.statesTransposed"),
    of_which_date_inferred: t("columns.ofWhichInferred"),
    member_states: t("columns.memberStates"),
    delay: t("columns.delay"),
    transposed_recorded_date: t("columns.transposedRecorded"),
    transposed_inferred_date: t("columns.transposedInferred"),
    ...Object.fromEntries(
      securityProperties.flatMap((p) => [
        [`${p}_percent`, t("columns.coveragePercent", { property: label(p) })],
        [`${p}_assessed`, t("columns.coverageAssessed", { property: label(p) })],
      ]),
    ),
  };
  const bins = [t("bins.onTime"), t("bins.upTo6"), t("bins.upTo12"), t("bins.upTo24"), t("bins.upTo48"), t("bins.over48")];
  const rows = table.rows.map((row) => {
    const out = { ...row };
    if ("state" in row) out.state = stateLabel(row.state, locale) ?? row.state ?? null;
    if ("delay" in row) {
      const i = DELAY_BINS.findIndex((b) => b.label === row.delay);
      if (i >= 0) out.delay = bins[i] ?? row.delay ?? null;
    }
    return out;
  });
  const words = (() => {
    switch (table.id) {
      case "deficit":
        return {
          title: t("deficit.title", { date }),
          caption: t("deficit.caption", {
            date,
            references: references.join(t("referenceSeparator")),
            inferred: f.inferred ?? 0,
            undrawn: f.undrawn ?? 0,
            states: f.states ?? 0,
          }),
          empty: t("deficit.empty", { date }),
        };
      case "timeline": {
        const values = {
          instrument: String(f.instrument),
          date,
          adopted: formatDate(String(f.adopted), locale),
          takenOn: formatDate(String(f.takenOn), locale),
        };
        return {
          title: t("timeline.title", values),
          // lib trims the sentence when it ends on an empty clause.
          caption: t("timeline.caption", { ...values, repealed: String(f.repealed), accessionDeadlines: String(f.accessionDeadlines) }).trim(),
          empty: t("timeline.empty", values),
        };
      }
      case "delays":
        return {
          title: t("delays.title", { date }),
          caption: t("delays.caption", { date, dateUnknown: f.dateUnknown ?? 0, notRecorded: f.notRecorded ?? 0, notYetDue: f.notYetDue ?? 0 }),
          empty: t("delays.empty", { date }),
        };
      case "coverage":
        return {
          title: t("coverage.title", { date }),
          caption: t("coverage.caption", { undrawn: f.undrawn ?? 0, states: f.states ?? 0 }),
          empty: t("coverage.empty", { date }),
        };
    }
  })();
  return {
    ...table,
    title: words.title,
    caption: words.caption,
    emptyMessage: table.emptyMessage === null ? null : words.empty,
    columns: table.columns.map((c) => ({ ...c, label: heads[c.key] ?? c.label })),
    rows,
  };
}
