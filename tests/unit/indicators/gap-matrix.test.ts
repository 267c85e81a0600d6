import { describe, expect, it } from "vitest";
import { computeObligationMatrix, computePropertyMatrix, computeProvisionMatrix, sortByGap } from "@/lib/indicators";
import { instrument, obligation, provision, snapshot, state, transposition } from "./fixtures";

const data = snapshot({
  memberStates: [state("BB", "1958-01-01"), state("AA"), state("CC", "2004-05-01")],
  instruments: [instrument(1)],
  provisions: [provision(11, 1), provision(12, 1), provision(13, 1, { requiresTransposition: false }), provision(14, 1, { deadline: "2003-01-01" })],
  obligations: [obligation(1, [11], ["confidentiality"]), obligation(2, [12], ["integrity"])],
  transpositions: [
    transposition("AA", 11, "full"),
    transposition("AA", 12, "partial"),
    transposition("BB", 11, "full"),
    transposition("BB", 12, "full"),
    transposition("CC", 11, "not_transposed"),
  ],
});

describe("provision matrix", () => {
  it("has one row per member and one column per provision requiring transposition, with not-due cells", () => {
    const m = computeProvisionMatrix(data, 1, "2002-01-01", { rows: "name", cols: "document" });
    expect(m.states.map((s) => s.state.code)).toEqual(["AA", "BB"]);
    expect(m.provisions.map((p) => p.provision.id)).toEqual([11, 12, 14]);
    expect(m.cells[0]!.map((c) => c.status)).toEqual(["full", "partial", "not_due"]);
    expect(m.cells[0]![0]!.transpositionId).not.toBeNull();
  });
  it("sorts rows and columns by gap, largest first, unassessed last", () => {
    const m = computeProvisionMatrix(data, 1, "2005-01-01", { rows: "gap", cols: "gap" });
    // CC: 11 not_transposed, 12 and 14 unknown → gap 1; AA: 1 of 2 assessed not full → 0.5; BB: 0.
    expect(m.states.map((s) => [s.state.code, s.gap])).toEqual([
      ["CC", 1],
      ["AA", 0.5],
      ["BB", 0],
    ]);
    // 11: CC not full of 3 → 1/3; 12: AA partial of 2 → 0.5; 14: nobody assessed → null.
    expect(m.provisions.map((p) => p.provision.id)).toEqual([12, 11, 14]);
    expect(m.provisions[2]!.gap).toBeNull();
  });
  it("keeps the given order among equal gaps", () => {
    expect(
      sortByGap([
        { id: 1, gap: null },
        { id: 2, gap: 0 },
        { id: 3, gap: 0 },
      ]).map((x) => x.id),
    ).toEqual([2, 3, 1]);
  });
});

describe("obligation and property matrices", () => {
  it("give each state × obligation its coverage and sort by gap", () => {
    const m = computeObligationMatrix(data, "2005-01-01", { rows: "gap", cols: "gap" });
    // Obligation 2 (provision 12): AA partial, BB full → 0.5; obligation 1 (provision 11): CC of 3 not full → 1/3.
    expect(m.columns.map((c) => c.key)).toEqual([2, 1]);
    expect(m.columns[1]!.gap).toBeCloseTo(1 / 3, 12);
    expect(m.states[0]!.state.code).toBe("CC");
    const p = computePropertyMatrix(data, "2005-01-01", { rows: "name", cols: "document" });
    expect(p.columns.map((c) => c.key)).toEqual(["availability", "authentication", "integrity", "confidentiality"]);
    const aa = p.states.findIndex((s) => s.state.code === "AA");
    expect(p.cells[aa]![0]).toBeNull();
    expect(p.cells[aa]![2]).toMatchObject({ coverage: 0 });
    expect(p.cells[aa]![3]).toMatchObject({ coverage: 1 });
  });
});
