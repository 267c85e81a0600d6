import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import {
  chartCsv,
  chartTable,
  coverageChart,
  deficitChart,
  delaysChart,
  tableRows,
  timelineChart,
  timelineInstrument,
  DEFICIT_REFERENCE_LINES,
} from "@/lib/charts";
import { instrument, notification, obligation, provision, snapshot, state, TAKEN_ON, transposition } from "../indicators/fixtures";

// Two instruments (deadlines 2000-01-01 and 2001-01-01), three founding states and one that joined in 2004.
const data = snapshot({
  memberStates: [state("AA"), state("BB"), state("CC"), state("DD", "2004-05-01")],
  instruments: [instrument(1, { shortName: "Dir 1" }), instrument(2, { transpositionDeadline: "2001-01-01", repealedFrom: "2010-01-01" })],
  provisions: [provision(11, 1), provision(12, 1), provision(21, 2)],
  obligations: [obligation(1, [11], ["confidentiality"]), obligation(2, [12, 21], ["integrity", "confidentiality"])],
  notifications: [
    notification("AA", 1, "complete", "1999-06-01"),
    notification("AA", 2, "complete", null, { inForceOn: "2001-07-01" }),
    notification("BB", 1, "complete", null, { adoptedOn: "2000-04-01" }),
    notification("BB", 2, "none", null),
    notification("CC", 1, "complete", null),
    notification("DD", 1, "complete", "2004-05-01"),
  ],
  transpositions: [transposition("AA", 11, "full"), transposition("AA", 12, "partial"), transposition("BB", 11, "full"), transposition("BB", 21, "unknown")],
});

describe("deficit chart", () => {
  it("draws one bar per state with a deficit, largest first, and explains the rest", () => {
    const t = deficitChart(data, "2002-01-01");
    // AA: 1 transposed, 2 transposed (inferred 2001-07-01) → 0; BB: 1 (inferred 2000-04-01), 2 none → 50%; CC: 1 undated → left out; DD not a member.
    expect(t.rows).toEqual([
      { state: "State BB (BB)", deficit_percent: 50, not_transposed: 1, assessed: 2, not_assessed: 0, date_inferred: 1 },
      { state: "State AA (AA)", deficit_percent: 0, not_transposed: 0, assessed: 2, not_assessed: 0, date_inferred: 1 },
    ]);
    expect(t.caption).toMatch(/1 of 3 member states have no deficit/);
    expect(t.emptyMessage).toBeNull();
    expect(DEFICIT_REFERENCE_LINES.map((l) => l.value)).toEqual([1, 0.5]);
  });
  it("is empty, saying why, when nothing is in force", () => {
    const t = deficitChart(data, "2011-01-01");
    expect(t.rows.filter((r) => r.state === "State AA (AA)")).toHaveLength(1); // instrument 1 is still in force
    const none = deficitChart(snapshot({ memberStates: [state("AA")], instruments: [instrument(1, { repealedFrom: "2005-01-01" })] }), "2006-01-01");
    expect(none.rows).toEqual([]);
    expect(none.emptyMessage).toMatch(/No Member State has a transposition deficit on 2006-01-01/);
  });
});

describe("timeline chart", () => {
  it("counts the states transposed on each date where the count changes, marking the deadline", () => {
    const t = timelineChart(data, data.instruments[0]!, "2005-01-01");
    expect(t.markers).toEqual({ deadline: "2000-01-01", repealedFrom: null });
    expect(t.rows).toEqual([
      { date: "1995-01-01", states_transposed: 0, of_which_date_inferred: 0, member_states: 3 },
      { date: "1999-06-01", states_transposed: 1, of_which_date_inferred: 0, member_states: 3 },
      { date: "2000-01-01", states_transposed: 1, of_which_date_inferred: 0, member_states: 3 },
      { date: "2000-04-01", states_transposed: 2, of_which_date_inferred: 1, member_states: 3 },
      { date: "2004-05-01", states_transposed: 3, of_which_date_inferred: 1, member_states: 4 },
      { date: "2005-01-01", states_transposed: 3, of_which_date_inferred: 1, member_states: 4 },
    ]);
  });
  it("counts an undated notification only from the snapshot day", () => {
    const t = timelineChart(data, data.instruments[0]!, TAKEN_ON);
    expect(t.rows.at(-1)).toEqual({ date: TAKEN_ON, states_transposed: 4, of_which_date_inferred: 1, member_states: 4 });
  });
  it("has nothing to draw before the adoption", () => {
    expect(timelineChart(data, data.instruments[0]!, "1990-01-01")).toMatchObject({ rows: [], emptyMessage: expect.stringMatching(/adopted on 1995-01-01/) });
  });
  it("picks the requested instrument, else the first, and none for an unknown CELEX", () => {
    expect(timelineInstrument(data, null)?.id).toBe(1);
    expect(timelineInstrument(data, "32002L0001")?.id).toBe(2);
    expect(timelineInstrument(data, "31999L0093")).toBeNull();
    expect(chartTable("timeline", data, "2005-01-01", null)).toBeNull();
  });
});

describe("delay distribution", () => {
  it("bins pairs by months past the deadline, split by recorded, inferred and still overdue", () => {
    const t = delaysChart(data, "2005-01-01");
    // AA/1 on time (recorded); AA/2 2001-01-01→2001-07-01 = 181 days, ≤ 6 months (inferred); BB/1 2000-01-01→2000-04-01 = 91 days (inferred);
    // BB/2 overdue 2001-01-01→2005-01-01 = 1461 days = 48.002 months (a month is 365.2425/12 days) → just over 4 years; CC/1 no date; DD/1 on time (its deadline is its accession).
    expect(t.rows).toEqual([
      { delay: "On time", transposed_recorded_date: 2, transposed_inferred_date: 0, not_transposed: 0 },
      { delay: "Up to 6 months", transposed_recorded_date: 0, transposed_inferred_date: 2, not_transposed: 0 },
      { delay: "6–12 months", transposed_recorded_date: 0, transposed_inferred_date: 0, not_transposed: 0 },
      { delay: "1–2 years", transposed_recorded_date: 0, transposed_inferred_date: 0, not_transposed: 0 },
      { delay: "2–4 years", transposed_recorded_date: 0, transposed_inferred_date: 0, not_transposed: 0 },
      { delay: "Over 4 years", transposed_recorded_date: 0, transposed_inferred_date: 0, not_transposed: 1 },
    ]);
    // A day earlier, 1460 days = 47.97 months: still 2–4 years.
    expect(delaysChart(data, "2004-12-31").rows[4]).toMatchObject({ delay: "2–4 years", not_transposed: 1 });
    expect(t.caption).toMatch(/Not drawn: 1 pairs complete but with no date at all, 2 with no notification recorded/);
  });
});

describe("coverage by security property", () => {
  it("gives the share of assessed provisions that are full, per property, leaving unknown out", () => {
    const t = coverageChart(data, "2005-01-01");
    // AA: confidentiality {11 full, 12 partial} = 50%, integrity {12 partial} = 0%; BB: confidentiality {11 full, 21 unknown, 12 none} = 100% of 1.
    expect(t.rows).toEqual([
      {
        state: "State AA (AA)",
        availability_percent: null,
        availability_assessed: 0,
        authentication_percent: null,
        authentication_assessed: 0,
        integrity_percent: 0,
        integrity_assessed: 1,
        confidentiality_percent: 50,
        confidentiality_assessed: 2,
      },
      {
        state: "State BB (BB)",
        availability_percent: null,
        availability_assessed: 0,
        authentication_percent: null,
        authentication_assessed: 0,
        integrity_percent: null,
        integrity_assessed: 0,
        confidentiality_percent: 100,
        confidentiality_assessed: 1,
      },
    ]);
    expect(t.caption).toMatch(/2 of 4 member states have no assessed provision/);
  });
});

describe("chart CSV", () => {
  it("is exactly the table: its labels, then its rows, empty cells for missing values", () => {
    const t = coverageChart(data, "2005-01-01");
    const parsed = parse(chartCsv(t)) as string[][];
    expect(parsed[0]).toEqual(t.columns.map((c) => c.label));
    expect(parsed.slice(1)).toEqual(tableRows(t).map((row) => row.map((v) => (v === null ? "" : String(v)))));
  });
});
