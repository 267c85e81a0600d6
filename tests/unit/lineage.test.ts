import { describe, expect, it } from "vitest";
import { ancestorsOf, chainThrough, descendantsOf, refuseLineageEdge, type LineageEdge, type LineageInstrument } from "@/lib/lineage";

const inst = (id: number, shortName: string, adoptionDate: string): LineageInstrument => ({
  id,
  celex: `3${adoptionDate.slice(0, 4)}L${String(id).padStart(4, "0")}`,
  shortName,
  adoptionDate,
});
const i97 = inst(1, "97/66/EC", "1997-12-15");
const i02 = inst(2, "2002/58/EC", "2002-07-12");
const i09 = inst(3, "2009/136/EC", "2009-11-25");
const i95 = inst(4, "95/46/EC", "1995-10-24");
const gdpr = inst(5, "(EU) 2016/679", "2016-04-27");
const instruments = [i97, i02, i09, i95, gdpr];
const edges: LineageEdge[] = [
  { instrumentId: 1, relation: "repealed_by", successorId: 2, fromDate: "2003-10-31" },
  { instrumentId: 2, relation: "amended_by", successorId: 3, fromDate: "2009-12-19" },
  { instrumentId: 4, relation: "repealed_by", successorId: 5, fromDate: "2018-05-25" },
];

describe("refusing a lineage relation", () => {
  it("accepts a relation that moves forward in time", () => {
    expect(refuseLineageEdge({ instrumentId: 4, relation: "amended_by", successorId: 3, fromDate: "2009-12-19" }, instruments, edges)).toBeNull();
  });

  it("refuses a cycle and names it", () => {
    const refusal = refuseLineageEdge({ instrumentId: 3, relation: "replaced_by", successorId: 1, fromDate: null }, instruments, edges);
    expect(refusal?.field).toBe("successor");
    expect(refusal?.message).toBe("This would make a cycle: 2009/136/EC → 97/66/EC → 2002/58/EC → 2009/136/EC. A line of law only moves forward.");
  });

  it("refuses a direct two-instrument cycle", () => {
    expect(refuseLineageEdge({ instrumentId: 2, relation: "replaced_by", successorId: 1, fromDate: null }, instruments, edges)?.message).toMatch(
      /cycle: 2002\/58\/EC → 97\/66\/EC → 2002\/58\/EC/,
    );
  });

  it("refuses a repeal dated before the repealed instrument's adoption", () => {
    const refusal = refuseLineageEdge({ instrumentId: 3, relation: "repealed_by", successorId: 5, fromDate: "2008-01-01" }, instruments, edges);
    expect(refusal).toEqual({ field: "fromDate", message: expect.stringContaining("before 2009/136/EC was adopted (2009-11-25)") });
  });

  it("refuses a repeal dated before the repealing instrument's adoption", () => {
    const refusal = refuseLineageEdge({ instrumentId: 1, relation: "repealed_by", successorId: 5, fromDate: "2003-01-01" }, instruments, edges);
    expect(refusal).toEqual({ field: "fromDate", message: expect.stringContaining("before (EU) 2016/679 was adopted") });
  });

  it("refuses an instrument succeeding itself, a duplicate and an unknown instrument", () => {
    expect(refuseLineageEdge({ instrumentId: 1, relation: "amended_by", successorId: 1, fromDate: null }, instruments, edges)?.message).toBe(
      "97/66/EC cannot succeed itself.",
    );
    expect(refuseLineageEdge({ ...edges[0]! }, instruments, edges)?.field).toBe("relation");
    expect(refuseLineageEdge({ instrumentId: 1, relation: "amended_by", successorId: 99, fromDate: null }, instruments, edges)?.message).toMatch(
      /must be in the inventory/,
    );
  });
});

describe("following a line of law", () => {
  it("collects what descends from the roots, and what an instrument descends from", () => {
    expect([...descendantsOf([1], edges)].sort()).toEqual([1, 2, 3]);
    expect([...ancestorsOf(3, edges)].sort()).toEqual([1, 2]);
    expect(ancestorsOf(1, edges).size).toBe(0);
  });

  it("gives the chain through an instrument in order of adoption, without other lines", () => {
    expect(chainThrough(2, instruments, edges).map((i) => i.shortName)).toEqual(["97/66/EC", "2002/58/EC", "2009/136/EC"]);
    expect(chainThrough(5, instruments, edges).map((i) => i.shortName)).toEqual(["95/46/EC", "(EU) 2016/679"]);
  });
});
