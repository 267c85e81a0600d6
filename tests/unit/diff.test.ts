import { describe, expect, it } from "vitest";
import { diffRecords } from "@/lib/diff";

describe("the fields that changed", () => {
  it("leaves out empty → empty, a reordered list and the bookkeeping fields", () => {
    const before = { note: null, nationalProvision: "", instruments: ["31995L0046", "31997L0066"], version: 1, updatedAt: "x" };
    const after = { note: "", nationalProvision: null, instruments: ["31997L0066", "31995L0046"], version: 2, updatedAt: "y" };
    expect(diffRecords(before, after)).toEqual([]);
  });

  it("shows a real change, with lists in one order", () => {
    expect(diffRecords({ instruments: ["b", "a"], status: "full" }, { instruments: ["c", "a"], status: "partial" })).toEqual([
      { field: "instruments", before: "a, b", after: "a, c" },
      { field: "status", before: "full", after: "partial" },
    ]);
  });
});
