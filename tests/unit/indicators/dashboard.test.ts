import { describe, expect, it } from "vitest";
import { addDays, computeCoverageByState, computeDashboardFigures, suggestAsOf } from "@/lib/indicators";
import { instrument, notification, provision, snapshot, state, transposition } from "./fixtures";

describe("a better as-of date when nothing counts", () => {
  const data = snapshot({
    instruments: [
      instrument(1, { adoptionDate: "1995-10-24", transpositionDeadline: "1998-10-24", repealedFrom: "2018-05-25" }),
      instrument(2, { adoptionDate: "1997-12-15", transpositionDeadline: "1998-10-24", repealedFrom: "2003-10-31" }),
    ],
  });
  it("offers the day before the last repeal once every instrument is repealed", () => {
    expect(suggestAsOf(data, "2026-12-01")).toEqual({ reason: "none_in_force_after_repeal", date: "2018-05-24" });
    expect(suggestAsOf(data, "2018-05-25")).toEqual({ reason: "none_in_force_after_repeal", date: "2018-05-24" });
  });
  it("offers the day after the first deadline before any is due, and nothing while one counts", () => {
    expect(suggestAsOf(data, "1990-01-01")).toEqual({ reason: "none_adopted_yet", date: "1998-10-25" });
    expect(suggestAsOf(data, "1998-10-24")).toEqual({ reason: "none_due_yet", date: "1998-10-25" });
    expect(suggestAsOf(data, "2018-05-24")).toBeNull();
    expect(suggestAsOf(snapshot({ instruments: [instrument(1)] }), "2030-01-01")).toBeNull();
  });
  it("adds days across month and leap-year ends", () => {
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("2018-05-25", -1)).toBe("2018-05-24");
    expect(addDays("2000-12-31", 1)).toBe("2001-01-01");
  });
});

describe("dashboard figures", () => {
  const data = snapshot({
    memberStates: [state("AA"), state("BB")],
    instruments: [instrument(1), instrument(2, { transpositionDeadline: "2001-01-01" })],
    provisions: [provision(11, 1), provision(12, 1), provision(21, 2)],
    notifications: [notification("AA", 1, "complete", "2000-03-01"), notification("AA", 2, "none", null), notification("BB", 1, "complete", "1999-01-01")],
    transpositions: [
      transposition("AA", 11, "full"),
      transposition("AA", 12, "partial"),
      transposition("BB", 11, "full"),
      transposition("BB", 12, "full"),
      transposition("BB", 21, "unknown"),
    ],
  });
  it("sums coverage over instruments per state", () => {
    expect(computeCoverageByState(data, "2002-01-01")).toEqual([
      { stateCode: "AA", fullCount: 1, assessedCount: 2, applicableCount: 3, coverage: 0.5 },
      { stateCode: "BB", fullCount: 2, assessedCount: 2, applicableCount: 3, coverage: 1 },
    ]);
  });
  it("lists the longest delays and the provisions with an assessed gap, largest first", () => {
    const f = computeDashboardFigures(data, "2002-01-01");
    // AA/2 overdue 2001-01-01 → 2002-01-01 (365 days); AA/1 late by 60 days.
    expect(f.largestDelays.map((d) => [d.stateCode, d.instrumentId, d.status, d.delayDays])).toEqual([
      ["AA", 2, "overdue", 365],
      ["AA", 1, "late", 60],
    ]);
    // Provision 12: AA partial, BB full → gap 1/2; provision 11 both full.
    expect(f.largestProvisionGaps.map((g) => [g.provisionId, g.gap])).toEqual([[12, 0.5]]);
    expect(f.scoreboard.rows).toHaveLength(2);
    expect(f.suggestion).toBeNull();
  });
});
