/**
 * The indicators over the instruments in force today: a regulation (GDPR,
 * eIDAS) never counts in the Scoreboard-style deficit; a state that joined
 * after a directive's adoption has its own deadline; and a date a source gives
 * only to the month counts from the end of that month.
 */
import { describe, expect, it } from "vitest";
import { computeScoreboard, computeStateTranspositionDeficit, longOverdueOf } from "@/lib/indicators";
import { restrictSnapshot } from "@/lib/indicators/inventory";
import { toStoredDate } from "@/lib/partial-date";
import { instrument, notification, snapshot, state } from "./fixtures";

// Directive (EU) 2022/2555 (NIS2): deadline 2024-10-17; Regulation (EU) 2016/679 (GDPR): no transposition, applies from 2018-05-25.
const nis2 = instrument(1, { celex: "32022L2555", shortName: "NIS2", adoptionDate: "2022-12-14", transpositionDeadline: "2024-10-17" });
const gdpr = instrument(2, { celex: "32016R0679", shortName: "GDPR", adoptionDate: "2016-04-27", transpositionDeadline: null });
// Directive 2002/58/EC: deadline 2003-10-31, before Croatia joined on 2013-07-01.
const eprivacy = instrument(3, { celex: "32002L0058", shortName: "2002/58/EC", adoptionDate: "2002-07-12", transpositionDeadline: "2003-10-31" });

describe("a regulation in the Scoreboard-style indicators", () => {
  const data = snapshot({
    memberStates: [state("DE"), state("FR")],
    instruments: [nis2, gdpr],
    notifications: [notification("DE", 1, "complete", "2025-12-05"), notification("FR", 1, "none", null), notification("FR", 2, "none", null)],
  });

  it("never counts: only the directive is due, whatever is recorded for the regulation", () => {
    const fr = computeStateTranspositionDeficit(data, state("FR"), "2026-12-06");
    expect(fr).toMatchObject({ dueCount: 1, assessedCount: 1, notTransposedCount: 1, deficit: 1 });
    expect(fr.instruments.map((i) => i.instrumentId)).toEqual([1]);
    expect(computeStateTranspositionDeficit(data, state("DE"), "2026-12-06")).toMatchObject({ dueCount: 1, transposedCount: 1, deficit: 0 });
  });

  it("leaves an inventory of regulations alone with no deficit at all", () => {
    const onlyRegulation = restrictSnapshot(data, [2]);
    expect(onlyRegulation.instruments.map((i) => i.celex)).toEqual(["32016R0679"]);
    expect(computeScoreboard(onlyRegulation, "2026-12-06").rows.every((r) => r.deficit.deficit === null && r.deficit.dueCount === 0)).toBe(true);
  });

  it("counts NIS2 two years or more overdue from 2026-10-17 (deadline 2024-10-17) for a state that has not transposed it", () => {
    expect(longOverdueOf(computeStateTranspositionDeficit(data, state("FR"), "2026-10-16")).count).toBe(0);
    expect(longOverdueOf(computeStateTranspositionDeficit(data, state("FR"), "2026-10-17")).count).toBe(1);
    expect(longOverdueOf(computeStateTranspositionDeficit(data, state("DE"), "2026-10-18")).count).toBe(0);
  });
});

describe("a state that joined after a directive was adopted", () => {
  const hr = state("HR", "2013-07-01");
  const data = snapshot({
    memberStates: [state("DE"), hr],
    instruments: [eprivacy],
    notifications: [notification("HR", 3, "complete", "2013-07-01"), notification("DE", 3, "complete", "2004-06-26")],
  });

  it("is not bound before it joins, and has its accession date as deadline", () => {
    expect(computeStateTranspositionDeficit(data, hr, "2010-01-01").dueCount).toBe(0);
    expect(computeStateTranspositionDeficit(data, hr, "2013-07-01").dueCount).toBe(0);
    const after = computeStateTranspositionDeficit(data, hr, "2013-07-02");
    expect(after).toMatchObject({ dueCount: 1, transposedCount: 1, deficit: 0 });
    expect(after.instruments[0]).toMatchObject({ deadline: "2013-07-01" });
  });

  it("is left out of the Scoreboard rows until it is a member", () => {
    expect(computeScoreboard(data, "2010-01-01").rows.map((r) => r.stateCode)).toEqual(["DE"]);
    expect(computeScoreboard(data, "2014-01-01").rows.map((r) => r.stateCode)).toEqual(["DE", "HR"]);
  });
});

describe("a notification dated only to the month", () => {
  // COM(2003)265 gives some dates as "December 1999": stored as 1999-12-31 with month precision.
  const december1999 = toStoredDate("1999-12")!;
  const data = snapshot({
    memberStates: [state("DE")],
    instruments: [instrument(1, { transpositionDeadline: "1998-10-24" })],
    notifications: [notification("DE", 1, "complete", december1999.date)],
  });

  it("counts from the last day of the month, never from an invented earlier day", () => {
    expect(december1999).toEqual({ date: "1999-12-31", precision: "month" });
    expect(computeStateTranspositionDeficit(data, state("DE"), "1999-12-01").deficit).toBe(1);
    expect(computeStateTranspositionDeficit(data, state("DE"), "1999-12-30").deficit).toBe(1);
    expect(computeStateTranspositionDeficit(data, state("DE"), "1999-12-31").deficit).toBe(0);
  });

  it("counts a year-precision date from 31 December", () => {
    const year = snapshot({ ...data, notifications: [notification("DE", 1, "complete", toStoredDate("2001")!.date)] });
    expect(computeStateTranspositionDeficit(year, state("DE"), "2001-06-30").deficit).toBe(1);
    expect(computeStateTranspositionDeficit(year, state("DE"), "2001-12-31").deficit).toBe(0);
  });
});
