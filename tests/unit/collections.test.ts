import { describe, expect, it } from "vitest";
import { collectionId, collectionInstrumentIds, DEFAULT_COLLECTION, type CollectionInstrument } from "@/lib/collections";
import type { LineageEdge } from "@/lib/lineage";

const instruments: CollectionInstrument[] = [
  { id: 1, celex: "31995L0046", adoptionDate: "1995-10-24", repealedFrom: "2018-05-25", repealedBy: "32016R0679" },
  { id: 2, celex: "31997L0066", adoptionDate: "1997-12-15", repealedFrom: "2003-10-31", repealedBy: "32002L0058" },
  { id: 3, celex: "32002L0058", adoptionDate: "2002-07-12", repealedFrom: null, repealedBy: null },
  { id: 4, celex: "32016R0679", adoptionDate: "2016-04-27", repealedFrom: null, repealedBy: null },
  { id: 5, celex: "32016L1148", adoptionDate: "2016-07-06", repealedFrom: "2024-10-18", repealedBy: "32022L2555" },
  { id: 6, celex: "32022L2555", adoptionDate: "2022-12-14", repealedFrom: null, repealedBy: null },
];
const edges: LineageEdge[] = [
  { instrumentId: 1, relation: "repealed_by", successorId: 4, fromDate: "2018-05-25" },
  { instrumentId: 2, relation: "repealed_by", successorId: 3, fromDate: "2003-10-31" },
  { instrumentId: 5, relation: "repealed_by", successorId: 6, fromDate: "2024-10-18" },
];

describe("collections of instruments", () => {
  it("defaults to what is in force on the date", () => {
    expect(DEFAULT_COLLECTION).toBe("in-force");
    expect(collectionInstrumentIds("in-force", instruments, edges, "2026-12-06")).toEqual([3, 4, 6]);
    expect(collectionInstrumentIds("in-force", instruments, edges, "2001-06-06")).toEqual([1, 2]);
    // The repeal day itself is no longer in force; the day before still is.
    expect(collectionInstrumentIds("in-force", instruments, edges, "2024-10-17")).toEqual([3, 4, 5, 6]);
    expect(collectionInstrumentIds("in-force", instruments, edges, "2024-10-18")).toEqual([3, 4, 6]);
  });

  it("leaves out an instrument repealed on an unrecorded date once its repealing act was adopted", () => {
    const withUndated = [...instruments, { id: 7, celex: "31990L0388", adoptionDate: "1990-06-28", repealedFrom: null, repealedBy: "32002L0058" }];
    expect(collectionInstrumentIds("in-force", withUndated, edges, "2001-06-06")).toEqual([1, 2, 7]);
    expect(collectionInstrumentIds("in-force", withUndated, edges, "2002-07-12")).toEqual([1, 2, 3]);
  });

  it("holds the 2001 instruments whatever the date", () => {
    expect(collectionInstrumentIds("com-2001-298", instruments, edges, "2026-12-06")).toEqual([1, 2]);
  });

  it("follows a line of law from its founding instrument", () => {
    expect(collectionInstrumentIds("data-protection", instruments, edges, "2026-12-06")).toEqual([1, 4]);
    expect(collectionInstrumentIds("e-privacy", instruments, edges, "2026-12-06")).toEqual([2, 3]);
    expect(collectionInstrumentIds("network-security", instruments, edges, "2026-12-06")).toEqual([5, 6]);
    expect(collectionInstrumentIds("telecom-security", instruments, edges, "2026-12-06")).toEqual([]);
    expect(collectionInstrumentIds("all", instruments, edges, "2026-12-06")).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("parses the URL's value and refuses others", () => {
    expect(collectionId.safeParse("e-privacy").success).toBe(true);
    expect(collectionId.safeParse("constructor").success).toBe(false);
  });
});

describe("an undated repeal", () => {
  it("takes effect at the repealing act's adoption, and only when that act is known", async () => {
    const { repealEffectiveFrom } = await import("@/lib/indicators/timeline");
    const adoption = (c: string) => (c === "32002L0077" ? "2002-09-16" : undefined);
    expect(repealEffectiveFrom({ repealedFrom: "2003-07-25", repealedBy: "32002L0021" }, adoption)).toBe("2003-07-25");
    expect(repealEffectiveFrom({ repealedFrom: null, repealedBy: "32002L0077" }, adoption)).toBe("2002-09-16");
    expect(repealEffectiveFrom({ repealedFrom: null, repealedBy: "39999L9999" }, adoption)).toBeNull();
    expect(repealEffectiveFrom({ repealedFrom: null, repealedBy: null }, adoption)).toBeNull();
  });
});
