import { describe, expect, it } from "vitest";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { withIntl } from "@/tests/support/intl";
import {
  AVERAGE_BAND,
  columnHeadOf,
  computeDashboardFigures,
  DEFICIT_TARGETS,
  formatIndicator,
  formatterOf,
  INDICATOR_IDS,
  INDICATORS,
  LONG_OVERDUE,
  targetOf,
} from "@/lib/indicators";
import { colourClasses, MAP_INDICATORS, mapValues } from "@/lib/map/indicators";
import { indicatorColumns } from "@/db/tables/indicators";
import { ScoreboardTable } from "@/app/components/dashboard/scoreboard-table";
import { EuropeMap } from "@/app/components/map/europe-map";
import { resolveAsOf } from "@/lib/as-of";
import { instrument, notification, snapshot, state } from "./fixtures";

/** The indicators the Scoreboard table shows, in its column order. */
const SCOREBOARD = ["deficit", "change", "long_overdue", "total_delay", "conformity", "overall"] as const;

describe("the indicator catalogue", () => {
  it("declares every indicator with its names, definition, direction, column and format", () => {
    for (const id of INDICATOR_IDS) {
      const i = INDICATORS[id];
      expect(i.id).toBe(id);
      expect(i.label).not.toBe("");
      expect(i.shortLabel).not.toBe("");
      expect(i.definition).toMatch(/^[A-Z].*\.$/);
      expect(["lower_is_better", "higher_is_better"]).toContain(i.direction);
      expect(i.column.id).toMatch(/^[a-z_]+$/);
      expect(i.column.header).not.toBe("");
      expect(i.format(1)).toMatch(/1/);
    }
    expect(new Set(INDICATOR_IDS.map((id) => INDICATORS[id].column.id)).size).toBe(INDICATOR_IDS.length);
  });

  it("gives each of the Scoreboard's indicators a formula and a rating rule in words", () => {
    for (const id of SCOREBOARD) {
      const i = INDICATORS[id];
      expect(i.rating.kind).not.toBe("none");
      if (i.rating.kind !== "none") expect(i.rating.text).not.toBe("");
      if (id !== "long_overdue") expect(i.formula).toBeTruthy();
    }
  });

  it("takes its targets and bands from the rules that compute the ratings", () => {
    expect(targetOf(INDICATORS.deficit)).toEqual({ value: DEFICIT_TARGETS.europeanCouncil2007.value, label: "target of 1% met" });
    expect(targetOf(INDICATORS.long_overdue)).toEqual({ value: LONG_OVERDUE.target, label: "target of 0 met" });
    expect(targetOf(INDICATORS.coverage)).toBeUndefined();
    expect(INDICATORS.total_delay.rating).toMatchObject({ kind: "average", band: AVERAGE_BAND });
    expect(INDICATORS.conformity.rating).toMatchObject({ kind: "average", band: AVERAGE_BAND });
    expect(INDICATORS.total_delay.rating.kind === "average" && INDICATORS.total_delay.rating.text).toBe(
      "green below the average of all states × 0.9, yellow within ±10%, red above",
    );
    expect(INDICATORS.deficit.rating.kind === "target" && INDICATORS.deficit.rating.text).toContain(DEFICIT_TARGETS.singleMarketAct2011.label);
  });

  it("writes values by unit: percent and months with one decimal, counts as they are, changes with their sign", () => {
    expect(INDICATORS.deficit.format(0.12345)).toBe("12.3%");
    expect(INDICATORS.deficit.format(0)).toBe("0.0%");
    expect(INDICATORS.total_delay.format(25.66)).toBe("25.7 months");
    expect(INDICATORS.total_delay.formatNumber(25.66)).toBe("25.7");
    expect(INDICATORS.long_overdue.format(3)).toBe("3");
    expect(INDICATORS.change.format(2)).toBe("+2");
    expect(INDICATORS.change.format(-1)).toBe("-1");
    expect(INDICATORS.overall.format(0)).toBe("0");
    expect(formatterOf("percent")(1)).toBe("100.0%");
    expect(formatIndicator(INDICATORS.conformity, null)).toBe("—");
    expect(formatIndicator(INDICATORS.conformity, null, "no value")).toBe("no value");
    expect(columnHeadOf(INDICATORS.total_delay)).toBe("Total delay (months)");
    expect(columnHeadOf(INDICATORS.deficit)).toBe("Transposition deficit");
  });

  it("keeps the indicators CSV's column ids, with the catalogue's descriptions", () => {
    expect(indicatorColumns.map((c) => c.id)).toEqual([
      "state",
      "due",
      "transposed",
      "not_transposed",
      "deficit",
      "deficit_rating",
      "change",
      "long_overdue",
      "total_delay_months",
      "conformity_deficit",
      "overall_score",
      "overall_band",
      "coverage",
      "open_infringements",
    ]);
    for (const id of INDICATOR_IDS) {
      const column = indicatorColumns.find((c) => c.id === INDICATORS[id].column.id);
      expect(column?.header).toBe(INDICATORS[id].column.header);
    }
  });
});

describe("the map and the Scoreboard read the catalogue", () => {
  const data = snapshot({
    memberStates: [state("DE"), state("FR")],
    instruments: [instrument(1), instrument(2, { transpositionDeadline: "2001-01-01" })],
    notifications: [
      notification("DE", 1, "complete", "1999-12-01"),
      notification("DE", 2, "none", null),
      notification("FR", 1, "complete", "2000-06-01"),
      notification("FR", 2, "complete", "2000-12-01"),
    ],
  });
  const asOf = resolveAsOf("2002-01-01");
  const figures = computeDashboardFigures(data, asOf.date);

  it("colours the map only by indicators of the catalogue and writes the legend in their format", () => {
    for (const id of MAP_INDICATORS) expect(INDICATOR_IDS).toContain(id);
    const [first] = colourClasses("total_delay", [0.5, 10, 20.5]);
    expect(first!.label).toBe("0.5 months – 4.5 months");
    expect(mapValues("deficit", figures).get("DE")?.text).toBe(INDICATORS.deficit.format(0.5));
  });

  it("names an indicator alike in the map's legend and the Scoreboard's column head", () => {
    const table = renderToStaticMarkup(withIntl(h(ScoreboardTable, { scoreboard: figures.scoreboard, asOf })));
    const heads = [...table.matchAll(/<th scope="col">(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<!-- -->/g, ""));
    expect(heads).toEqual([
      "Member State",
      ...SCOREBOARD.map((id) => (id === "change" ? `Change since ${figures.scoreboard.previousDate}` : columnHeadOf(INDICATORS[id]))),
    ]);
    // "How these figures are computed" starts each formula with the indicator's short label (conformity deficit in the middle of a sentence).
    for (const id of SCOREBOARD) expect(table.toLowerCase()).toContain(`<strong>${INDICATORS[id].shortLabel.toLowerCase()}</strong>`);

    for (const id of ["deficit", "conformity"] as const) {
      const map = renderToStaticMarkup(withIntl(h(EuropeMap, { indicator: id, values: mapValues(id, figures), states: [], asOfDate: asOf.date })));
      expect(map).toContain(`<strong>${INDICATORS[id].label}</strong>`);
      expect(heads).toContain(INDICATORS[id].label);
    }
  });
});
