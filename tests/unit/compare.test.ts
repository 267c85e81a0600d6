import { describe, expect, it } from "vitest";
import { compareVerdict } from "@/lib/compare";

describe("comparing states on a provision", () => {
  it("never calls two unassessed states the same", () => {
    expect(
      compareVerdict([
        { status: "unknown", relation: null },
        { status: "unknown", relation: null },
      ]),
    ).toBe("unknown");
    expect(
      compareVerdict([
        { status: "full", relation: null },
        { status: "unknown", relation: null },
      ]),
    ).toBe("unknown");
  });
  it("says same only when every state is assessed alike, and differs as soon as assessed states disagree", () => {
    expect(
      compareVerdict([
        { status: "full", relation: "equal" },
        { status: "full", relation: "equal" },
      ]),
    ).toBe("same");
    expect(
      compareVerdict([
        { status: "full", relation: "equal" },
        { status: "full", relation: "superset" },
      ]),
    ).toBe("differs");
    expect(
      compareVerdict([
        { status: "full", relation: null },
        { status: "partial", relation: null },
        { status: "unknown", relation: null },
      ]),
    ).toBe("differs");
    expect(compareVerdict([])).toBe("unknown");
  });
});
