import { describe, expect, it } from "vitest";
import {
  addMonths,
  addYears,
  daysBetween,
  hasDeadlinePassed,
  instrumentsDueForState,
  isMemberOn,
  monthsBetween,
  DAYS_PER_MONTH,
  provisionScopeForState,
  stateInstrumentDeadline,
  stateProvisionDeadline,
} from "@/lib/indicators";
import { instrument, provision, snapshot, state } from "./fixtures";

describe("calendar arithmetic", () => {
  it("counts days across a leap year", () => {
    expect(daysBetween("2000-01-01", "2001-01-01")).toBe(366);
    expect(daysBetween("2001-01-01", "2000-01-01")).toBe(-366);
  });
  it("adds calendar months, clamping to the month's end", () => {
    expect(addMonths("2000-08-31", -6)).toBe("2000-02-29");
    expect(addMonths("2001-01-31", 1)).toBe("2001-02-28");
    expect(addMonths("2000-11-15", 3)).toBe("2001-02-15");
    expect(addYears("2000-02-29", 2)).toBe("2002-02-28");
  });
  it("reports months as days over the average month", () => {
    expect(monthsBetween("2000-01-01", "2000-01-31")).toBeCloseTo(30 / DAYS_PER_MONTH, 10);
  });
  it("refuses what is not a calendar date", () => {
    expect(() => daysBetween("2000-02-30", "2000-03-01")).toThrow(RangeError);
    expect(() => daysBetween("1.1.2000", "2000-03-01")).toThrow(RangeError);
  });
});

describe("a state's deadline", () => {
  const directive = instrument(1, { transpositionDeadline: "1998-10-24" });

  it("is the instrument's for a state that was already a member", () => {
    expect(stateInstrumentDeadline(state("DE"), directive)).toBe("1998-10-24");
  });
  it("is the accession date for a state that joined after the deadline", () => {
    expect(stateInstrumentDeadline(state("CZ", "2004-05-01"), directive)).toBe("2004-05-01");
  });
  it("stays the instrument's for a state that joined before the deadline", () => {
    expect(stateInstrumentDeadline(state("AT", "1995-01-01"), directive)).toBe("1998-10-24");
  });
  it("does not exist for an instrument without a deadline", () => {
    expect(stateInstrumentDeadline(state("DE"), instrument(2, { transpositionDeadline: null }))).toBeNull();
  });

  describe("per-article deadlines", () => {
    const article5 = provision(5, 1, { deadline: "2000-10-24" });
    const article4 = provision(4, 1);
    it("a provision with its own deadline keeps it; the others take the instrument's", () => {
      expect(stateProvisionDeadline(state("DE"), article5, directive)).toBe("2000-10-24");
      expect(stateProvisionDeadline(state("DE"), article4, directive)).toBe("1998-10-24");
    });
    it("a late joiner's accession replaces every deadline before it, not one after it", () => {
      expect(stateProvisionDeadline(state("XX", "1999-06-01"), article4, directive)).toBe("1999-06-01");
      expect(stateProvisionDeadline(state("XX", "1999-06-01"), article5, directive)).toBe("2000-10-24");
      expect(stateProvisionDeadline(state("CZ", "2004-05-01"), article5, directive)).toBe("2004-05-01");
    });
  });

  it("has passed from the day after it: the deadline day is still on time", () => {
    expect(hasDeadlinePassed("1998-10-24", "1998-10-24")).toBe(false);
    expect(hasDeadlinePassed("1998-10-24", "1998-10-25")).toBe(true);
    expect(hasDeadlinePassed(null, "2030-01-01")).toBe(false);
  });
});

describe("membership", () => {
  const uk = state("UK", "1973-01-01", "2020-01-31");
  it("starts on the accession date and ends on the exit date (as lib/as-of.ts reads it)", () => {
    expect(isMemberOn(uk, "1972-12-31")).toBe(false);
    expect(isMemberOn(uk, "1973-01-01")).toBe(true);
    expect(isMemberOn(uk, "2020-01-30")).toBe(true);
    expect(isMemberOn(uk, "2020-01-31")).toBe(false);
  });
});

describe("instruments due for a state (Scoreboard-style)", () => {
  const data = snapshot({
    instruments: [
      instrument(1, { transpositionDeadline: "2000-01-01" }),
      instrument(2, { transpositionDeadline: "2005-01-01", adoptionDate: "2003-01-01" }),
      instrument(3, { transpositionDeadline: "1998-10-24", repealedFrom: "2018-05-25", repealedBy: "32016R0679" }),
      instrument(4, { transpositionDeadline: null }),
    ],
  });
  const due = (code: string, asOf: string, accession = "1958-01-01", exit: string | null = null) =>
    instrumentsDueForState(data, state(code, accession, exit), asOf).map((d) => d.instrument.id);

  it("is empty while no deadline has passed", () => {
    expect(due("DE", "1998-10-24")).toEqual([]);
  });
  it("adds each instrument the day after its deadline; one without a deadline never counts", () => {
    expect(due("DE", "1998-10-25")).toEqual([3]);
    expect(due("DE", "2000-01-02")).toEqual([1, 3]);
    expect(due("DE", "2005-01-02")).toEqual([1, 2, 3]);
  });
  it("drops a repealed instrument from its repeal date on", () => {
    expect(due("DE", "2018-05-24")).toEqual([1, 2, 3]);
    expect(due("DE", "2018-05-25")).toEqual([1, 2]);
  });
  it("gives a late joiner its accession date as deadline", () => {
    expect(due("CZ", "2004-05-01", "2004-05-01")).toEqual([]);
    const [first] = instrumentsDueForState(data, state("CZ", "2004-05-01"), "2004-05-02");
    expect(first).toMatchObject({ deadline: "2004-05-01" });
    expect(due("CZ", "2004-05-02", "2004-05-01")).toEqual([1, 3]);
  });
  it("leaves out a state that is no longer a member (the UK after its exit)", () => {
    expect(due("UK", "2020-01-30", "1973-01-01", "2020-01-31")).toEqual([1, 2]);
    expect(due("UK", "2020-01-31", "1973-01-01", "2020-01-31")).toEqual([]);
  });
});

describe("provisions counted for a state (provision level)", () => {
  const repealed = instrument(1, { transpositionDeadline: "1998-10-24", repealedFrom: "2003-10-31" });
  const data = snapshot({
    instruments: [repealed],
    provisions: [provision(1, 1), provision(2, 1, { deadline: "2000-10-24" }), provision(3, 1, { requiresTransposition: false })],
  });

  it("counts provisions whose own deadline has passed and reports the others as not yet due", () => {
    const scope = provisionScopeForState(data, state("DE"), repealed, "1999-01-01");
    expect(scope?.due.map((d) => d.provision.id)).toEqual([1]);
    expect(scope?.notYetDueCount).toBe(1);
  });
  it("keeps a repealed instrument, flagged, for a state bound before the repeal", () => {
    const scope = provisionScopeForState(data, state("DE"), repealed, "2026-01-01");
    expect(scope?.isRepealedOnAsOf).toBe(true);
    expect(scope?.due.map((d) => d.provision.id)).toEqual([1, 2]);
  });
  it("leaves out a state that joined after the repeal: it never had to transpose", () => {
    expect(provisionScopeForState(data, state("CZ", "2004-05-01"), repealed, "2026-01-01")).toBeNull();
  });
  it("leaves out non-members and instruments not yet adopted", () => {
    expect(provisionScopeForState(data, state("UK", "1973-01-01", "2020-01-31"), repealed, "2020-02-01")).toBeNull();
    expect(provisionScopeForState(data, state("DE"), repealed, "1994-12-31")).toBeNull();
  });
});
