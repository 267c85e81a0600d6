import { describe, expect, it } from "vitest";
import { nationalTranspositionRows, sortNationalTransposition } from "@/lib/indicators/national-transposition";
import { infringement, instrument, notification, provision, snapshot, state, transposition } from "./fixtures";

// 1999/93/EC: deadline 2001-07-19.
const esig = instrument(1, { celex: "31999L0093", shortName: "1999/93/EC", adoptionDate: "1999-12-13", transpositionDeadline: "2001-07-19" });
const data = snapshot({
  memberStates: [state("DE"), state("FR"), state("PT"), state("CZ", "2004-05-01")],
  instruments: [esig],
  provisions: [provision(1, 1), provision(2, 1)],
  notifications: [
    notification("DE", 1, "complete", "2001-05-22"),
    notification("FR", 1, "complete", null, { inForceOn: "2002-04-01" }),
    notification("PT", 1, "none", null),
  ],
  transpositions: [transposition("FR", 2, "non_conforming")],
  infringements: [
    infringement(
      1,
      "PT",
      1,
      "non_communication",
      [
        { stage: "letter_of_formal_notice", date: "2001-10-01" },
        { stage: "reasoned_opinion", date: "2002-06-01" },
      ],
      null,
    ),
  ],
});

describe("an instrument's national transposition", () => {
  const rows = nationalTranspositionRows(data, 1, "2003-01-01");
  const of = (code: string) => rows.find((r) => r.stateCode === code)!;

  it("gives each state bound on the date its own deadline, notification and delay", () => {
    expect(rows.map((r) => r.stateCode).sort()).toEqual(["DE", "FR", "PT"]);
    expect(of("DE")).toMatchObject({
      deadline: "2001-07-19",
      notificationStatus: "complete",
      transposedOn: "2001-05-22",
      delayStatus: "on_time",
      delayDays: 0,
    });
    // France: dated from its principal measure's entry into force, 256 days after the deadline.
    expect(of("FR")).toMatchObject({
      transposedOn: "2002-04-01",
      dateBasis: "principal_measure_in_force",
      delayStatus: "late",
      delayDays: 256,
      delayMonths: 8.4,
      nonConformingProvisions: 1,
    });
    // Portugal: not transposed, overdue from the deadline to the date; its latest stage is the reasoned opinion.
    expect(of("PT")).toMatchObject({ delayStatus: "overdue", delayDays: 531, infringement: { stage: "reasoned_opinion", date: "2002-06-01", isOpen: true } });
  });

  it("binds a state that joined later from its accession", () => {
    expect(nationalTranspositionRows(data, 1, "2005-01-01").find((r) => r.stateCode === "CZ")).toMatchObject({
      deadline: "2004-05-01",
      delayStatus: "not_recorded",
    });
  });

  it("sorts by delay, longest first, unknown delays last", () => {
    expect(sortNationalTransposition(rows, "delay").map((r) => r.stateCode)).toEqual(["PT", "FR", "DE"]);
    expect(sortNationalTransposition(rows, "state").map((r) => r.stateName)).toEqual(["State DE", "State FR", "State PT"]);
  });
});
