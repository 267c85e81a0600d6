import { describe, expect, it } from "vitest";
import {
  computeCoverageByInstrument,
  computeCoverageByObligation,
  computeCoverageBySecurityProperty,
  coverageFigures,
  transpositionStatusOn,
} from "@/lib/indicators";
import { instrument, obligation, provision, snapshot, state, TAKEN_ON, transposition } from "./fixtures";

describe("coverage figures", () => {
  it("leaves unknown out of the denominator and reports its share; not_applicable is out of both", () => {
    const f = coverageFigures(["full", "not_transposed", "unknown", "not_applicable", "partial"]);
    expect(f).toMatchObject({ provisionCount: 5, applicableCount: 4, assessedCount: 3, unknownShare: 1 / 4, fullShareOfApplicable: 1 / 4 });
    expect(f.coverage).toBeCloseTo(1 / 3, 12);
    expect(f.counts).toEqual({ unknown: 1, not_transposed: 1, partial: 1, full: 1, non_conforming: 0, not_applicable: 1 });
  });
  it("keeps unknown and not_transposed apart: the same provisions read differently", () => {
    expect(coverageFigures(["full", "unknown"])).toMatchObject({ coverage: 1, unknownShare: 0.5 });
    expect(coverageFigures(["full", "not_transposed"])).toMatchObject({ coverage: 0.5, unknownShare: 0 });
  });
  it("has no coverage when nothing is assessed, and no shares when nothing applies", () => {
    expect(coverageFigures(["unknown", "unknown"])).toMatchObject({ coverage: null, unknownShare: 1 });
    expect(coverageFigures([])).toMatchObject({ coverage: null, unknownShare: null, fullShareOfApplicable: null });
  });
});

describe("status of a state × provision on a date", () => {
  const data = snapshot({
    transpositions: [
      transposition("DE", 1, "full", "equal", [{ knownFrom: "2001-05-18", repealedOn: null }]),
      transposition("FR", 1, "full", null, [{ knownFrom: null, repealedOn: null }]),
      transposition("IT", 1, "partial", null, [
        { knownFrom: "1996-12-31", repealedOn: "2004-01-01" },
        { knownFrom: "2003-06-30", repealedOn: null },
      ]),
      transposition("NL", 1, "not_transposed"),
    ],
  });
  it("is unknown without a row", () => {
    expect(transpositionStatusOn(data, "ES", 1, "2005-01-01")).toEqual({ status: "unknown", relation: null, transpositionId: null });
  });
  it("is unknown before the cited law existed, the row's status once it does", () => {
    expect(transpositionStatusOn(data, "DE", 1, "2001-05-17").status).toBe("unknown");
    expect(transpositionStatusOn(data, "DE", 1, "2001-05-18")).toMatchObject({ status: "full", relation: "equal" });
  });
  it("counts an undated cited measure from the snapshot day only", () => {
    expect(transpositionStatusOn(data, "FR", 1, "2005-01-01").status).toBe("unknown");
    expect(transpositionStatusOn(data, "FR", 1, TAKEN_ON).status).toBe("full");
  });
  it("needs one cited measure in existence; a row citing none always counts", () => {
    expect(transpositionStatusOn(data, "IT", 1, "2010-01-01").status).toBe("partial");
    expect(transpositionStatusOn(data, "NL", 1, "1990-01-01").status).toBe("not_transposed");
  });
});

describe("coverage per state × instrument", () => {
  const data = snapshot({
    memberStates: [state("DE"), state("CZ", "2004-05-01"), state("UK", "1973-01-01", "2020-01-31")],
    instruments: [instrument(1, { transpositionDeadline: "1998-10-24", repealedFrom: "2003-10-31" })],
    provisions: [provision(1, 1), provision(2, 1), provision(3, 1, { deadline: "2000-10-24" }), provision(4, 1, { requiresTransposition: false })],
    transpositions: [
      transposition("DE", 1, "full"),
      transposition("DE", 2, "not_transposed"),
      transposition("DE", 3, "full"),
      transposition("DE", 4, "full"),
      transposition("UK", 1, "full"),
    ],
  });

  it("counts only provisions requiring transposition whose own deadline has passed", () => {
    const [de] = computeCoverageByInstrument(data, "1999-06-01");
    expect(de).toMatchObject({ stateCode: "DE", provisionCount: 2, notYetDueCount: 1, coverage: 0.5, unknownShare: 0 });
    const [later] = computeCoverageByInstrument(data, "2001-01-01");
    expect(later).toMatchObject({ provisionCount: 3, notYetDueCount: 0, assessedCount: 3 });
    expect(later?.coverage).toBeCloseTo(2 / 3, 12);
  });
  it("reports every provision of an unassessed state as unknown, not as missing", () => {
    const uk = computeCoverageByInstrument(data, "2001-01-01").find((c) => c.stateCode === "UK");
    expect(uk).toMatchObject({ coverage: 1, assessedCount: 1, counts: { unknown: 2, not_transposed: 0 } });
    expect(uk?.unknownShare).toBeCloseTo(2 / 3, 12);
  });
  it("keeps a repealed instrument for the states bound before the repeal, and leaves out the UK after its exit", () => {
    const cells = computeCoverageByInstrument(data, "2021-01-01");
    expect(cells.map((c) => c.stateCode)).toEqual(["DE"]);
    expect(cells[0]).toMatchObject({ isRepealedOnAsOf: true, provisionCount: 3 });
  });
  it("is empty for an empty inventory", () => {
    expect(computeCoverageByInstrument(snapshot(), "2001-01-01")).toEqual([]);
    expect(computeCoverageByObligation(snapshot(), "2001-01-01")).toEqual([]);
    expect(computeCoverageBySecurityProperty(snapshot(), "2001-01-01")).toEqual([]);
  });
});

describe("coverage per obligation and per security property", () => {
  const data = snapshot({
    memberStates: [state("DE")],
    instruments: [instrument(1), instrument(2, { transpositionDeadline: "2001-07-19" })],
    provisions: [provision(1, 1), provision(2, 1), provision(3, 2), provision(4, 2, { requiresTransposition: false })],
    obligations: [obligation(1, [1, 2], ["confidentiality", "integrity"]), obligation(2, [1, 3], ["confidentiality"]), obligation(3, [4], ["availability"])],
    transpositions: [transposition("DE", 1, "full"), transposition("DE", 2, "partial"), transposition("DE", 3, "full")],
  });

  it("covers an obligation across instruments, counting only provisions due", () => {
    const before = computeCoverageByObligation(data, "2001-01-01");
    expect(before.map((c) => [c.obligationId, c.provisionCount, c.coverage])).toEqual([
      [1, 2, 0.5],
      [2, 1, 1],
    ]);
    const after = computeCoverageByObligation(data, "2002-01-01");
    expect(after.find((c) => c.obligationId === 2)).toMatchObject({ provisionCount: 2, coverage: 1 });
  });
  it("counts a provision once per property even when two of its obligations carry it; properties without counted provisions are left out", () => {
    const cells = computeCoverageBySecurityProperty(data, "2002-01-01");
    expect(cells.map((c) => c.property)).toEqual(["integrity", "confidentiality"]);
    const confidentiality = cells.find((c) => c.property === "confidentiality");
    expect(confidentiality).toMatchObject({ provisionCount: 3, counts: { full: 2, partial: 1 } });
    expect(confidentiality?.coverage).toBeCloseTo(2 / 3, 12);
  });
});
