import { describe, expect, it } from "vitest";
import { computeDashboardFigures, computeHeadlineFigures, lastRepealedOf, totalMeasuresOf } from "@/lib/indicators";
import { infringement, instrument, notification, provision, snapshot, state, transposition } from "./fixtures";

describe("the dashboard's headline figures", () => {
  // On 2002-01-01: AA and BB are members, CC joins in 2004; instrument 3 was repealed in 2001.
  const instruments = [
    instrument(1),
    instrument(2, { transpositionDeadline: "1999-06-01" }),
    instrument(3, { transpositionDeadline: "1999-06-01", repealedFrom: "2001-06-01" }),
  ];
  const data = snapshot({
    memberStates: [state("AA"), state("BB"), state("CC", "2004-05-01")],
    instruments,
    provisions: [provision(11, 1), provision(12, 1), provision(21, 2)],
    notifications: [
      notification("AA", 1, "complete", "2000-03-01"),
      notification("AA", 2, "none", null),
      notification("BB", 1, "complete", "1999-01-01"),
      // No date of its own: dated by the principal measure's entry into force.
      notification("BB", 2, "complete", null, { inForceOn: "2000-12-01" }),
    ],
    transpositions: [
      transposition("AA", 11, "full"),
      transposition("AA", 12, "partial"),
      transposition("BB", 11, "full"),
      transposition("BB", 12, "full"),
      transposition("BB", 21, "unknown"),
    ],
    infringements: [
      infringement(1, "AA", 2, "non_communication", [{ stage: "letter_of_formal_notice", date: "2000-01-10" }]),
      infringement(2, "BB", 1, "non_communication", [
        { stage: "letter_of_formal_notice", date: "1999-03-01" },
        { stage: "closed", date: "1999-09-01" },
      ]),
    ],
  });
  const asOf = "2002-01-01";
  const headline = computeHeadlineFigures(computeDashboardFigures(data, asOf), data.instruments, asOf);

  it("counts the instruments in force of those given and the states that are members on the date", () => {
    expect(headline).toMatchObject({ instrumentsInForce: 2, instruments: 3, memberStates: 2 });
  });
  it("counts the states with a deficit, those meeting the 1% target, and averages their deficits", () => {
    // AA: 1 of its 2 known not transposed → 50%, red; BB: 0%, green.
    expect(headline).toMatchObject({ statesWithDeficit: 2, statesMeetingTarget: 1, averageDeficit: 0.25 });
  });
  it("sums the long-overdue instruments, the open proceedings and the inferred dates over the states", () => {
    // AA/2: deadline 1999-06-01, still not transposed 2.5 years later; BB's proceeding is closed.
    expect(headline).toMatchObject({ longOverdue: 1, openInfringements: 1, inferredDates: 1 });
  });
  it("sums provision coverage over the states: full of assessed, and how many due are not assessed", () => {
    // AA: 1 full of 2 assessed of 3 due; BB: 2 full of 2 assessed (21 unknown) of 3 due.
    expect(headline.coverage).toEqual({ full: 3, assessed: 4, applicable: 6, share: 0.75 });
  });
  it("gives no average and no coverage share where there is nothing to average", () => {
    const empty = snapshot({ memberStates: [state("AA")], instruments: [instrument(1, { transpositionDeadline: "2030-01-01" })] });
    const none = computeHeadlineFigures(computeDashboardFigures(empty, asOf), empty.instruments, asOf);
    expect(none).toMatchObject({ statesWithDeficit: 0, statesMeetingTarget: 0, averageDeficit: null, longOverdue: 0, openInfringements: 0, inferredDates: 0 });
    expect(none.coverage).toEqual({ full: 0, assessed: 0, applicable: 0, share: null });
  });
});

describe("the dashboard's other sums", () => {
  it("finds the instrument repealed last", () => {
    const list = [instrument(1, { repealedFrom: "2003-10-31" }), instrument(2), instrument(3, { repealedFrom: "2018-05-25" })];
    expect(lastRepealedOf(list)?.id).toBe(3);
    expect(lastRepealedOf([instrument(1)])).toBeUndefined();
    // The list handed in keeps its order.
    expect(list.map((i) => i.id)).toEqual([1, 2, 3]);
  });
  it("totals the national measures over the states", () => {
    expect(totalMeasuresOf([{ measures: 4 }, { measures: 0 }, { measures: 11 }])).toBe(15);
    expect(totalMeasuresOf([])).toBe(0);
  });
});
