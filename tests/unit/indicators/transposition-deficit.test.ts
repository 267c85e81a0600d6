import { describe, expect, it } from "vitest";
import {
  computeDeficitChange,
  computeInstrumentDelays,
  computeScoreboard,
  computeStateTranspositionDeficit,
  computeTranspositionDeficits,
  conformityDeficitOf,
  DAYS_PER_MONTH,
  DEFICIT_TARGETS,
  longOverdueOf,
  notificationOnDate,
  previousReportingDate,
  totalDelayOf,
} from "@/lib/indicators";
import { infringement, instrument, notification, provision, snapshot, state, TAKEN_ON, transposition } from "./fixtures";

describe("notification on a date", () => {
  const data = snapshot({
    notifications: [
      notification("DE", 1, "complete", "2001-05-23"),
      notification("FR", 1, "complete", null),
      notification("LU", 1, "none", null),
      notification("NL", 1, "partial", "1999-01-07"),
    ],
  });
  it("complete and notified by then: transposed", () => {
    expect(notificationOnDate(data, "DE", 1, "2001-05-23").state).toBe("transposed");
    expect(notificationOnDate(data, "DE", 1, "2001-05-22").state).toBe("not_transposed");
  });
  it("complete without a date: transposed from the snapshot day on, not known before it", () => {
    expect(notificationOnDate(data, "FR", 1, TAKEN_ON)).toMatchObject({ state: "transposed", isNotificationDateKnown: false });
    expect(notificationOnDate(data, "FR", 1, "2001-01-01").state).toBe("date_unknown");
  });
  it("complete without a date: dated from the principal measure's entry into force, else its adoption, flagged as inferred", () => {
    const inferred = snapshot({
      notifications: [
        notification("AT", 1, "complete", null, { adoptedOn: "1999-08-01", publishedOn: "1999-08-17", inForceOn: "2000-01-01" }),
        notification("EL", 1, "complete", null, { adoptedOn: "1997-04-01", publishedOn: "1997-04-10" }),
        notification("PT", 1, "complete", null, { publishedOn: "2003-04-03" }),
        notification("SE", 1, "complete", null, { notifiedOn: "1998-11-02", inForceOn: "1998-10-24" }),
        notification("IE", 1, "complete", null, {}),
        notification("FI", 1, "complete", null, { inForceOn: "2027-01-01" }),
        notification("NL", 1, "complete", "2001-09-01", { inForceOn: "2001-01-01" }),
      ],
    });
    expect(notificationOnDate(inferred, "AT", 1, "2000-01-01")).toMatchObject({
      state: "transposed",
      transposedOn: "2000-01-01",
      dateBasis: "principal_measure_in_force",
      isDateInferred: true,
      isNotificationDateKnown: false,
    });
    expect(notificationOnDate(inferred, "AT", 1, "1999-12-31")).toMatchObject({ state: "not_transposed", transposedOn: "2000-01-01" });
    expect(notificationOnDate(inferred, "EL", 1, "1998-01-01")).toMatchObject({
      state: "transposed",
      transposedOn: "1997-04-01",
      dateBasis: "principal_measure_adopted",
    });
    expect(notificationOnDate(inferred, "PT", 1, "2003-04-03")).toMatchObject({ state: "transposed", dateBasis: "principal_measure_published" });
    expect(notificationOnDate(inferred, "SE", 1, "1998-11-01")).toMatchObject({
      state: "not_transposed",
      transposedOn: "1998-11-02",
      dateBasis: "principal_measure_notified",
    });
    // A recorded date always wins and is not inferred.
    expect(notificationOnDate(inferred, "NL", 1, "2001-06-01")).toMatchObject({
      state: "not_transposed",
      transposedOn: "2001-09-01",
      dateBasis: "notified",
      isDateInferred: false,
    });
    // A principal measure with no date, or one dated after the snapshot day, falls back to the snapshot-day rule.
    expect(notificationOnDate(inferred, "IE", 1, "2001-01-01")).toMatchObject({ state: "date_unknown", transposedOn: null, isDateInferred: false });
    expect(notificationOnDate(inferred, "FI", 1, "2001-01-01")).toMatchObject({ state: "date_unknown", transposedOn: null });
    expect(notificationOnDate(inferred, "FI", 1, TAKEN_ON)).toMatchObject({ state: "transposed", transposedOn: null });
  });
  it("never infers a date for a partial or absent notification", () => {
    const data = snapshot({ notifications: [notification("BE", 1, "partial", null, { inForceOn: "2000-02-09" })] });
    expect(notificationOnDate(data, "BE", 1, "2005-01-01")).toMatchObject({ state: "not_transposed", transposedOn: null, isDateInferred: false });
  });
  it("none or partial: not transposed; no record: not recorded", () => {
    expect(notificationOnDate(data, "LU", 1, "2001-01-01").state).toBe("not_transposed");
    expect(notificationOnDate(data, "NL", 1, "2001-01-01").state).toBe("not_transposed");
    expect(notificationOnDate(data, "IT", 1, "2001-01-01").state).toBe("not_recorded");
  });
});

describe("transposition deficit", () => {
  it("is empty for an empty inventory", () => {
    expect(computeTranspositionDeficits(snapshot(), "2005-01-01")).toEqual([]);
    expect(computeScoreboard(snapshot(), "2005-01-01")).toMatchObject({
      rows: [],
      averages: { deficit: null, totalDelayMonths: null, conformityDeficit: null },
    });
  });

  it("is not computed while no deadline has passed", () => {
    const data = snapshot({ memberStates: [state("DE")], instruments: [instrument(1)], notifications: [notification("DE", 1, "none", null)] });
    expect(computeStateTranspositionDeficit(data, state("DE"), "2000-01-01")).toMatchObject({
      dueCount: 0,
      deficit: null,
      rating: null,
      meetsSingleMarketActTarget: null,
    });
  });

  it("is the share of assessed due instruments not transposed; unrecorded and undatable ones are reported, not counted", () => {
    const data = snapshot({
      memberStates: [state("DE")],
      instruments: [instrument(1), instrument(2), instrument(3), instrument(4), instrument(5), instrument(6, { transpositionDeadline: "2030-01-01" })],
      notifications: [
        notification("DE", 1, "complete", "1999-12-01"), // transposed
        notification("DE", 2, "complete", "2003-01-01"), // after asOf: not transposed yet
        notification("DE", 3, "partial", "2000-06-01"), // not transposed
        notification("DE", 4, "complete", null), // before the snapshot day: date unknown, left out
        // 5: no record, left out; 6: not due
      ],
    });
    const deficit = computeStateTranspositionDeficit(data, state("DE"), "2002-01-01");
    expect(deficit).toMatchObject({
      dueCount: 5,
      assessedCount: 3,
      transposedCount: 1,
      notTransposedCount: 2,
      notAssessedCount: 2,
      notAssessedShare: 2 / 5,
      rating: "red",
    });
    expect(deficit.deficit).toBeCloseTo(2 / 3, 12);
  });

  it("counts an undated complete notification from its principal measure's entry into force, and reports it as inferred", () => {
    const data = snapshot({
      memberStates: [state("DE")],
      instruments: [instrument(1), instrument(2)],
      notifications: [notification("DE", 1, "complete", null, { adoptedOn: "2001-05-18", inForceOn: "2001-05-23" }), notification("DE", 2, "none", null)],
    });
    expect(computeStateTranspositionDeficit(data, state("DE"), "2001-05-22")).toMatchObject({ assessedCount: 2, notTransposedCount: 2, deficit: 1 });
    expect(computeStateTranspositionDeficit(data, state("DE"), "2001-05-23")).toMatchObject({
      assessedCount: 2,
      transposedCount: 1,
      transposedDateInferredCount: 1,
      transposedDateUnknownCount: 0,
      deficit: 0.5,
    });
  });

  it("counts an undated complete notification as transposed on the snapshot day, saying its date is unknown", () => {
    const data = snapshot({
      memberStates: [state("DE")],
      instruments: [instrument(1), instrument(2)],
      notifications: [notification("DE", 1, "complete", null), notification("DE", 2, "complete", "2000-01-01")],
    });
    expect(computeStateTranspositionDeficit(data, state("DE"), TAKEN_ON)).toMatchObject({
      deficit: 0,
      transposedCount: 2,
      transposedDateUnknownCount: 1,
      rating: "green",
    });
  });

  it("never reads `unknown` provisions as missing notifications (instrument level uses notifications only)", () => {
    const data = snapshot({
      memberStates: [state("DE")],
      instruments: [instrument(1)],
      provisions: [provision(1, 1), provision(2, 1)],
      notifications: [notification("DE", 1, "complete", "1999-01-01")],
      transpositions: [transposition("DE", 1, "unknown")],
    });
    expect(computeStateTranspositionDeficit(data, state("DE"), "2001-01-01").deficit).toBe(0);
  });

  it("gives a state that joined after the deadline its accession date", () => {
    const data = snapshot({
      memberStates: [state("CZ", "2004-05-01")],
      instruments: [instrument(1)],
      notifications: [notification("CZ", 1, "complete", "2004-05-01")],
    });
    expect(computeStateTranspositionDeficit(data, state("CZ", "2004-05-01"), "2004-05-01").dueCount).toBe(0);
    const after = computeStateTranspositionDeficit(data, state("CZ", "2004-05-01"), "2004-05-02");
    expect(after).toMatchObject({ dueCount: 1, deficit: 0 });
    expect(after.instruments[0]).toMatchObject({ deadline: "2004-05-01" });
  });

  it("stops counting a repealed instrument from its repeal date", () => {
    const data = snapshot({
      memberStates: [state("LU")],
      instruments: [instrument(1, { repealedFrom: "2003-10-31" })],
      notifications: [notification("LU", 1, "none", null)],
    });
    expect(computeStateTranspositionDeficit(data, state("LU"), "2003-10-30").deficit).toBe(1);
    expect(computeStateTranspositionDeficit(data, state("LU"), "2003-10-31")).toMatchObject({ dueCount: 0, deficit: null });
  });

  it("leaves the UK out after its exit", () => {
    const data = snapshot({ memberStates: [state("DE"), state("UK", "1973-01-01", "2020-01-31")], instruments: [instrument(1)] });
    expect(computeTranspositionDeficits(data, "2020-01-30").map((d) => d.stateCode)).toEqual(["DE", "UK"]);
    expect(computeTranspositionDeficits(data, "2020-02-01").map((d) => d.stateCode)).toEqual(["DE"]);
  });

  describe("ratings at the targets", () => {
    // n instruments due, the first `missing` of them not transposed.
    function inventoryWith(n: number, missing: number) {
      const instruments = Array.from({ length: n }, (_, i) => instrument(i + 1));
      const notifications = instruments.map((ins, i) => notification("DE", ins.id, i < missing ? "none" : "complete", "1999-01-01"));
      return snapshot({ memberStates: [state("DE")], instruments, notifications });
    }
    it("exactly 1% is green, just above is red", () => {
      expect(computeStateTranspositionDeficit(inventoryWith(100, 1), state("DE"), "2001-01-01")).toMatchObject({
        deficit: 0.01,
        rating: "green",
        meetsSingleMarketActTarget: false,
      });
      expect(computeStateTranspositionDeficit(inventoryWith(300, 3), state("DE"), "2001-01-01").rating).toBe("green");
      expect(computeStateTranspositionDeficit(inventoryWith(99, 1), state("DE"), "2001-01-01").rating).toBe("red");
    });
    it("exactly 0.5% meets the Single Market Act target", () => {
      expect(computeStateTranspositionDeficit(inventoryWith(200, 1), state("DE"), "2001-01-01")).toMatchObject({
        deficit: 0.005,
        meetsSingleMarketActTarget: true,
        rating: "green",
      });
    });
    it("the targets carry their sources", () => {
      expect(DEFICIT_TARGETS.europeanCouncil2007).toMatchObject({ value: 0.01 });
      expect(DEFICIT_TARGETS.europeanCouncil2007.source).toMatch(/March 2007/);
      expect(DEFICIT_TARGETS.singleMarketAct2011).toMatchObject({ value: 0.005 });
    });
  });
});

describe("long overdue and total delay", () => {
  const data = snapshot({
    memberStates: [state("DE")],
    instruments: [
      instrument(1, { transpositionDeadline: "2000-01-01" }),
      instrument(2, { transpositionDeadline: "2001-01-01" }),
      instrument(3, { transpositionDeadline: "2001-01-01" }),
    ],
    notifications: [notification("DE", 1, "none", null), notification("DE", 2, "partial", null), notification("DE", 3, "complete", "2001-06-01")],
  });
  const deficitOn = (asOf: string) => computeStateTranspositionDeficit(data, state("DE"), asOf);

  it("counts an instrument long overdue from two years after its deadline", () => {
    expect(longOverdueOf(deficitOn("2001-12-31"))).toMatchObject({ count: 0, rating: "green" });
    expect(longOverdueOf(deficitOn("2002-01-01"))).toMatchObject({ count: 1, instrumentIds: [1], rating: "red" });
    expect(longOverdueOf(deficitOn("2003-01-01"))).toMatchObject({ count: 2, instrumentIds: [1, 2] });
  });

  it("sums the months past the deadline over the instruments still overdue", () => {
    // 1: 2000-01-01 → 2002-01-01 = 731 days; 2: 2001-01-01 → 2002-01-01 = 365 days; 3 was notified.
    expect(totalDelayOf(deficitOn("2002-01-01"))).toMatchObject({ overdueCount: 2 });
    expect(totalDelayOf(deficitOn("2002-01-01")).totalMonths).toBeCloseTo((731 + 365) / DAYS_PER_MONTH, 10);
  });

  it("has no total delay when nothing due is assessed", () => {
    const empty = snapshot({ memberStates: [state("DE")], instruments: [instrument(1)] });
    expect(totalDelayOf(computeStateTranspositionDeficit(empty, state("DE"), "2002-01-01")).totalMonths).toBeNull();
  });
});

describe("change since the previous reporting date", () => {
  const data = snapshot({
    memberStates: [state("DE"), state("CZ", "2004-05-01")],
    instruments: [instrument(1, { transpositionDeadline: "2000-01-01" }), instrument(2, { transpositionDeadline: "2000-09-01" })],
    notifications: [notification("DE", 1, "complete", "2000-08-01"), notification("DE", 2, "none", null), notification("CZ", 1, "none", null)],
  });
  it("defaults to six calendar months earlier", () => {
    expect(previousReportingDate("2000-08-31")).toBe("2000-02-29");
  });
  it("is green for a decrease, yellow for none, red for an increase", () => {
    // 2000-02-01: 1 not transposed (1); 2000-08-02: 0 (1 notified, 2 not due) → −1.
    expect(computeDeficitChange(data, state("DE"), "2000-08-02", "2000-02-01")).toMatchObject({
      notTransposedBefore: 1,
      notTransposedNow: 0,
      change: -1,
      rating: "green",
    });
    expect(computeDeficitChange(data, state("DE"), "2000-08-31", "2000-08-02")).toMatchObject({ change: 0, rating: "yellow" });
    // 2000-09-02: 2 is due and missing.
    expect(computeDeficitChange(data, state("DE"), "2000-09-02", "2000-08-02")).toMatchObject({ change: 1, rating: "red" });
  });
  it("counts from a published edition's figures when given, not from the records", () => {
    const previous = { date: "2000-02-01", edition: "2000-H1", figures: new Map([["DE", { notTransposed: 3, assessed: 3 }]]) };
    // The records say 1 was not transposed on 2000-02-01; the edition published 3: the change is 0 − 3.
    expect(computeDeficitChange(data, state("DE"), "2000-08-02", "2000-02-01", previous)).toMatchObject({
      previousDate: "2000-02-01",
      notTransposedBefore: 3,
      notTransposedNow: 0,
      change: -3,
      rating: "green",
    });
    // A state the edition did not hold has no change.
    expect(computeDeficitChange(data, state("FR"), "2000-08-02", "2000-02-01", previous)).toMatchObject({
      notTransposedBefore: null,
      change: null,
      rating: null,
    });
  });
  it("is not rated for a state that was not a member on the previous date", () => {
    expect(computeDeficitChange(data, state("CZ", "2004-05-01"), "2004-08-01")).toMatchObject({
      notTransposedNow: 1,
      notTransposedBefore: null,
      change: null,
      rating: null,
    });
  });
});

describe("conformity deficit", () => {
  const data = snapshot({
    memberStates: [state("AT")],
    instruments: [instrument(1), instrument(2), instrument(3), instrument(4)],
    provisions: [provision(11, 1), provision(21, 2), provision(31, 3), provision(41, 4)],
    notifications: [
      notification("AT", 1, "complete", "1999-01-01"),
      notification("AT", 2, "complete", "1999-01-01"),
      notification("AT", 3, "complete", "1999-01-01"),
      notification("AT", 4, "none", null),
    ],
    transpositions: [transposition("AT", 11, "non_conforming"), transposition("AT", 21, "unknown"), transposition("AT", 41, "non_conforming")],
    infringements: [
      infringement(
        1,
        "AT",
        3,
        "non_conformity",
        [
          { stage: "referral", date: "2010-12-22" },
          { stage: "closed", date: "2013-01-01" },
        ],
        "C-614/10",
      ),
    ],
  });
  const on = (asOf: string) => conformityDeficitOf(data, computeStateTranspositionDeficit(data, state("AT"), asOf), asOf);

  it("counts notified instruments assessed non-conforming; unknown and un-notified ones do not count", () => {
    expect(on("2005-01-01")).toMatchObject({
      transposedCount: 3,
      nonConformingCount: 1,
      instruments: [{ instrumentId: 1, reasons: ["assessed_non_conforming"] }],
    });
    expect(on("2005-01-01").share).toBeCloseTo(1 / 3, 12);
  });
  it("adds instruments under a non-conformity proceeding while it is open", () => {
    expect(on("2011-01-01")).toMatchObject({ nonConformingCount: 2 });
    expect(on("2011-01-01").instruments[1]).toEqual({ instrumentId: 3, reasons: ["non_conformity_proceeding"] });
    expect(on("2013-01-01").nonConformingCount).toBe(1);
  });
});

describe("per-instrument delay", () => {
  const data = snapshot({
    memberStates: [state("DE"), state("CZ", "2004-05-01")],
    instruments: [
      instrument(1, { transpositionDeadline: "2000-01-01" }),
      instrument(2, { transpositionDeadline: "2000-01-01", repealedFrom: "2003-01-01" }),
      instrument(3, { transpositionDeadline: "2010-01-01" }),
      instrument(4, { transpositionDeadline: "2000-01-01", repealedFrom: "2003-01-01" }),
    ],
    notifications: [
      notification("DE", 1, "complete", "2000-01-11"),
      notification("DE", 2, "none", null),
      notification("DE", 3, "complete", "2009-06-01"),
      notification("CZ", 1, "complete", null),
    ],
  });
  const rows = computeInstrumentDelays(data, "2005-01-01");
  const row = (code: string, id: number) => rows.find((r) => r.stateCode === code && r.instrumentId === id);

  it("is the days from deadline to notification, zero when on time", () => {
    expect(row("DE", 1)).toMatchObject({ status: "late", delayDays: 10, notifiedOn: "2000-01-11" });
    expect(computeInstrumentDelays(data, "2010-06-01").find((r) => r.stateCode === "DE" && r.instrumentId === 3)).toMatchObject({
      status: "on_time",
      delayDays: 0,
    });
  });
  it("runs to asOf while overdue, and stops at the repeal of a repealed instrument", () => {
    expect(row("DE", 2)).toMatchObject({ status: "overdue", delayDays: 1096, isRepealedOnAsOf: true });
    expect(row("DE", 4)).toMatchObject({ status: "not_recorded", delayDays: null });
  });
  it("runs to the inferred date of an undated notification and says it was inferred", () => {
    const inferred = snapshot({
      memberStates: [state("DE")],
      instruments: [instrument(1, { transpositionDeadline: "1998-10-24" })],
      notifications: [notification("DE", 1, "complete", null, { adoptedOn: "2001-05-18", inForceOn: "2001-05-23" })],
    });
    // 1998-10-24 → 2001-05-23 = 942 days.
    expect(computeInstrumentDelays(inferred, "2005-01-01")[0]).toMatchObject({
      status: "late",
      delayDays: 942,
      notifiedOn: "2001-05-23",
      isDateInferred: true,
      dateBasis: "principal_measure_in_force",
    });
    // Before the inferred date it is still overdue.
    expect(computeInstrumentDelays(inferred, "2000-10-24")[0]).toMatchObject({ status: "overdue", delayDays: 731, notifiedOn: null, isDateInferred: false });
  });
  it("is not computed for a notification without a date, nor before the deadline", () => {
    expect(row("CZ", 1)).toMatchObject({ status: "date_unknown", delayDays: null, deadline: "2004-05-01" });
    expect(row("DE", 3)).toMatchObject({ status: "not_yet_due", delayDays: null, notifiedOn: null });
  });
  it("leaves out a late joiner for an instrument repealed before it joined", () => {
    expect(row("CZ", 2)).toBeUndefined();
  });
});

describe("the Scoreboard-style table", () => {
  // Three states, four instruments due (deadline 2000-01-01), seen the day before CC's become two years overdue.
  const instruments = [1, 2, 3, 4].map((id) => instrument(id));
  const provisions = instruments.map((i) => provision(i.id * 10, i.id));
  const complete = (code: string, id: number) => notification(code, id, "complete", "1999-06-01");
  const data = snapshot({
    memberStates: [state("AA"), state("BB"), state("CC")],
    instruments,
    provisions,
    notifications: [
      // AA: all transposed, one assessed non-conforming.
      ...[1, 2, 3, 4].map((id) => complete("AA", id)),
      // BB: all transposed, conforming.
      ...[1, 2, 3, 4].map((id) => complete("BB", id)),
      // CC: two missing since 2000-01-01.
      complete("CC", 1),
      complete("CC", 2),
      notification("CC", 3, "none", null),
      notification("CC", 4, "none", null),
    ],
    transpositions: [transposition("AA", 10, "non_conforming")],
  });
  const board = computeScoreboard(data, "2001-12-31", { previousDate: "2001-07-01" });
  const rowOf = (code: string) => board.rows.find((r) => r.stateCode === code)!;

  it("averages over the states", () => {
    expect(board.averages.deficit).toBeCloseTo(0.5 / 3, 12);
    // CC: 2 × 730 days overdue; AA, BB: 0.
    expect(board.averages.totalDelayMonths).toBeCloseTo((2 * 730) / DAYS_PER_MONTH / 3, 10);
    // AA 1/4, BB 0, CC 0/2.
    expect(board.averages.conformityDeficit).toBeCloseTo(0.25 / 3, 12);
  });

  it("rates every indicator and sums the overall score", () => {
    expect(rowOf("AA").ratings).toEqual({ deficit: "green", change: "yellow", longOverdue: "green", totalDelay: "green", conformityDeficit: "red" });
    // +1 0 +1 +1 −1 = 2: exactly the "above average" boundary.
    expect(rowOf("AA").overall).toEqual({ score: 2, band: "above_average", ratedCount: 5 });
    expect(rowOf("BB").ratings).toEqual({ deficit: "green", change: "yellow", longOverdue: "green", totalDelay: "green", conformityDeficit: "green" });
    expect(rowOf("BB").overall).toEqual({ score: 4, band: "above_average", ratedCount: 5 });
    expect(rowOf("CC").ratings).toEqual({ deficit: "red", change: "yellow", longOverdue: "green", totalDelay: "red", conformityDeficit: "green" });
    expect(rowOf("CC").overall).toEqual({ score: 0, band: "average", ratedCount: 5 });
    const later = computeScoreboard(data, "2002-01-01", { previousDate: "2001-07-01" }).rows.find((r) => r.stateCode === "CC")!;
    expect(later.ratings.longOverdue).toBe("red");
    // −1 0 −1 −1 +1 = −2: exactly the "below average" boundary.
    expect(later.overall).toMatchObject({ score: -2, band: "below_average" });
  });

  it("defaults the previous date to six months earlier", () => {
    expect(computeScoreboard(data, "2002-01-01").previousDate).toBe("2001-07-01");
  });
});
