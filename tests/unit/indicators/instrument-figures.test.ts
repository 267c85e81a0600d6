import { describe, expect, it } from "vitest";
import { computeDashboardFigures } from "@/lib/indicators/dashboard";
import { combineInstrumentFigures, computeInstrumentFigures, provisionLevelFiguresOf } from "@/lib/indicators/instrument-figures";
import type { InventorySnapshot } from "@/lib/indicators";
import { infringement, instrument, notification, provision, snapshot, state, transposition } from "./fixtures";

/** What loadInventorySnapshot reads for a scope, done on a hand-built snapshot. */
function scopedTo(data: InventorySnapshot, instrumentIds: number[]): InventorySnapshot {
  const keep = new Set(instrumentIds);
  const provisions = data.provisions.filter((p) => keep.has(p.instrumentId));
  const provisionIds = new Set(provisions.map((p) => p.id));
  return {
    ...data,
    instruments: data.instruments.filter((i) => keep.has(i.id)),
    provisions,
    notifications: data.notifications.filter((n) => keep.has(n.instrumentId)),
    transpositions: data.transpositions.filter((t) => provisionIds.has(t.provisionId)),
    infringements: data.infringements.filter((f) => keep.has(f.instrumentId)),
    obligations: data.obligations.map((o) => ({ ...o, provisionIds: o.provisionIds.filter((id) => provisionIds.has(id)) })),
  };
}

const withoutProvisions = (data: InventorySnapshot): InventorySnapshot => ({ ...data, provisions: [], transpositions: [] });

describe("provision-level figures summed per instrument", () => {
  // Three instruments (one repealed, one with a provision of a later deadline), a state that joined late and one that left,
  // correspondences citing measures that exist only for part of the time, and non-conforming rows due and not due.
  const data = snapshot({
    memberStates: [state("AA"), state("BB", "2004-05-01"), state("UK", "1973-01-01", "2020-01-31")],
    instruments: [
      instrument(1, { adoptionDate: "1995-10-24", transpositionDeadline: "1998-10-24", repealedFrom: "2018-05-25" }),
      instrument(2, { adoptionDate: "1999-12-13", transpositionDeadline: "2001-07-19" }),
      instrument(3, { adoptionDate: "2002-07-12", transpositionDeadline: "2003-10-31" }),
    ],
    provisions: [
      provision(11, 1),
      provision(12, 1),
      provision(13, 1, { requiresTransposition: false }),
      provision(21, 2),
      provision(22, 2, { deadline: "2010-01-01" }),
      provision(31, 3),
      provision(32, 3),
    ],
    notifications: [
      notification("AA", 1, "complete", "1999-03-01"),
      notification("AA", 2, "complete", null, { inForceOn: "2002-01-01" }),
      notification("BB", 3, "partial", "2005-01-01"),
      notification("UK", 2, "complete", "2001-07-01"),
    ],
    transpositions: [
      transposition("AA", 11, "full", "equal", [{ knownFrom: "1998-01-01", repealedOn: "2010-01-01" }]),
      transposition("AA", 12, "non_conforming", "subset"),
      transposition("AA", 13, "non_conforming"),
      transposition("AA", 21, "partial", "superset", [{ knownFrom: null, repealedOn: null }]),
      transposition("AA", 22, "full", "superset", [{ knownFrom: "2009-06-01", repealedOn: null }]),
      transposition("BB", 31, "not_transposed"),
      transposition("BB", 32, "full", "intersect", [{ knownFrom: "2030-01-01", repealedOn: null }]),
      transposition("BB", 21, "not_applicable"),
      transposition("UK", 11, "partial", "equal"),
      transposition("UK", 21, "full", "equal", [{ knownFrom: "2000-05-01", repealedOn: null }]),
      transposition("UK", 31, "non_conforming"),
    ],
    infringements: [infringement(1, "AA", 2, "non_conformity", [{ stage: "letter_of_formal_notice", date: "2003-01-01" }])],
  });
  const dates = ["1997-01-01", "1999-06-30", "2004-12-31", "2009-12-31", "2012-06-30", "2019-06-30", "2026-01-01", "2031-01-01"];

  it("are the same from one snapshot per instrument as from the whole inventory, on every date", () => {
    for (const asOf of dates) {
      const whole = computeInstrumentFigures(data, asOf);
      const perInstrument = data.instruments.flatMap((i) => computeInstrumentFigures(scopedTo(data, [i.id]), asOf));
      expect(perInstrument).toEqual(whole);
      expect(combineInstrumentFigures(perInstrument)).toEqual(provisionLevelFiguresOf(data, asOf));
    }
  });

  it("give the dashboard the same figures as the whole snapshot does, from a snapshot without provisions", () => {
    for (const asOf of dates) {
      const fromParts = computeDashboardFigures(withoutProvisions(data), asOf, {
        provisionLevel: combineInstrumentFigures(data.instruments.flatMap((i) => computeInstrumentFigures(scopedTo(data, [i.id]), asOf))),
      });
      expect(fromParts).toEqual(computeDashboardFigures(data, asOf));
    }
  });

  it("flag a state whose provision is assessed non-conforming, whether or not the provision is due", () => {
    const figures = provisionLevelFiguresOf(data, "2012-06-30");
    expect([...figures.nonConforming].sort()).toEqual(["AA|1", "UK|3"]);
    // 2019: instrument 1 is repealed but stays in scope for provision coverage; the UK is still a member.
    expect([...provisionLevelFiguresOf(data, "2019-06-30").nonConforming].sort()).toEqual(["AA|1", "UK|3"]);
    // 2026: the UK has left.
    expect([...provisionLevelFiguresOf(data, "2026-01-01").nonConforming].sort()).toEqual(["AA|1"]);
  });

  it("keep only each instrument's largest gaps, and the overall list is the largest of those", () => {
    const asOf = "2012-06-30";
    const parts = computeInstrumentFigures(data, asOf, 1);
    expect(parts.every((p) => p.largestGaps.length <= 1)).toBe(true);
    expect(combineInstrumentFigures(parts, 1).largestGaps).toEqual(provisionLevelFiguresOf(data, asOf).largestGaps.slice(0, 1));
  });
});
