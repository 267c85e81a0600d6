import { describe, expect, it } from "vitest";
import { computeHarmonisationGaps, computePairwiseDivergence, giniSimpson } from "@/lib/indicators";
import { instrument, provision, snapshot, state, transposition } from "./fixtures";

const data = snapshot({
  memberStates: [state("AA"), state("BB"), state("CC"), state("DD"), state("EE"), state("FF", "2004-05-01")],
  instruments: [instrument(1, { transpositionDeadline: "1998-10-24" })],
  provisions: [provision(1, 1), provision(2, 1, { deadline: "2000-10-24" }), provision(3, 1, { requiresTransposition: false })],
  transpositions: [
    transposition("AA", 1, "full", "equal"),
    transposition("BB", 1, "full", "superset"),
    transposition("CC", 1, "partial"),
    transposition("DD", 1, "unknown"),
    transposition("EE", 1, "not_applicable"),
    transposition("AA", 2, "full", "equal"),
    transposition("BB", 2, "full", "equal"),
    transposition("CC", 2, "not_transposed"),
  ],
});

describe("harmonisation gap per provision", () => {
  it("is the share of assessed states not full, with unknown and not_applicable left out", () => {
    const [article1] = computeHarmonisationGaps(data, "2001-01-01");
    // Bound: AA BB CC DD (EE not applicable, FF not yet a member); assessed: AA BB CC.
    expect(article1).toMatchObject({ provisionId: 1, stateCount: 5, assessedCount: 3, unknownShare: 1 / 4, distinctStatusCount: 2 });
    expect(article1?.gap).toBeCloseTo(1 / 3, 12);
    expect(article1?.goldPlatingShare).toBeCloseTo(1 / 3, 12);
    expect(article1?.relationCounts).toEqual({ equal: 1, subset: 0, superset: 1, intersect: 0, not_stated: 1 });
    // statuses full ×2, partial ×1: 1 − (4/9 + 1/9); relations equal, superset: 1 − (1/4 + 1/4).
    expect(article1?.statusDiversity).toBeCloseTo(4 / 9, 12);
    expect(article1?.relationDiversity).toBeCloseTo(1 / 2, 12);
  });
  it("leaves out provisions not yet due anywhere and those not requiring transposition", () => {
    expect(computeHarmonisationGaps(data, "1999-01-01").map((p) => p.provisionId)).toEqual([1]);
    expect(computeHarmonisationGaps(data, "2005-01-01").map((p) => p.provisionId)).toEqual([1, 2]);
  });
  it("counts a late joiner as unknown once its accession deadline has passed", () => {
    const [article1] = computeHarmonisationGaps(data, "2004-05-02");
    expect(article1).toMatchObject({ stateCount: 6, counts: { unknown: 2 } });
  });
  it("is not computed where nothing is assessed", () => {
    const blank = snapshot({ memberStates: [state("AA")], instruments: [instrument(1)], provisions: [provision(1, 1)] });
    expect(computeHarmonisationGaps(blank, "2005-01-01")[0]).toMatchObject({ gap: null, unknownShare: 1, statusDiversity: null, relationDiversity: null });
    expect(computeHarmonisationGaps(snapshot(), "2005-01-01")).toEqual([]);
  });
  it("measures diversity as 1 − Σ p²", () => {
    expect(giniSimpson([3])).toBe(0);
    expect(giniSimpson([1, 1])).toBe(0.5);
    expect(giniSimpson([])).toBeNull();
  });
});

describe("divergence per pair of states", () => {
  const pairs = computePairwiseDivergence(data, 1, "2001-01-01");
  const pair = (a: string, b: string) => pairs.find((p) => p.stateA === a && p.stateB === b);

  it("counts provisions where statuses differ, or relations where both rows state one", () => {
    // Art. 1: equal vs superset (diverge); Art. 2: equal vs equal.
    expect(pair("AA", "BB")).toMatchObject({ sharedCount: 2, comparedCount: 2, divergingCount: 1, divergence: 0.5, divergingProvisionIds: [1] });
    // full vs partial, full vs not_transposed.
    expect(pair("AA", "CC")).toMatchObject({ comparedCount: 2, divergence: 1 });
  });
  it("does not compare a provision that either state has not assessed", () => {
    expect(pair("AA", "DD")).toMatchObject({ sharedCount: 2, comparedCount: 0, notComparableCount: 2, divergence: null });
  });
  it("lists each unordered pair once and leaves out states not yet members", () => {
    expect(pairs).toHaveLength(10);
    expect(pairs.some((p) => p.stateA === "FF" || p.stateB === "FF")).toBe(false);
    expect(computePairwiseDivergence(data, 99, "2001-01-01")).toEqual([]);
  });
});
