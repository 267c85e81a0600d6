import { describe, expect, it } from "vitest";
import { averageOf, computeOverallScore, rateAgainstAverage, rateAgainstTarget, rateChange } from "@/lib/indicators";

describe("rating against the average (±10%)", () => {
  it("is yellow on both boundaries of the band and green or red just outside", () => {
    expect(rateAgainstAverage(9, 10)).toBe("yellow");
    expect(rateAgainstAverage(11, 10)).toBe("yellow");
    expect(rateAgainstAverage(8.99, 10)).toBe("green");
    expect(rateAgainstAverage(11.01, 10)).toBe("red");
    expect(rateAgainstAverage(10, 10)).toBe("yellow");
  });
  it("holds the boundaries for averages that are not exact in binary (0.3 × 0.9)", () => {
    expect(rateAgainstAverage(0.27, 0.3)).toBe("yellow");
    expect(rateAgainstAverage(0.33, 0.3)).toBe("yellow");
  });
  it("makes every 0 yellow when the average is 0, anything above it red", () => {
    expect(rateAgainstAverage(0, 0)).toBe("yellow");
    expect(rateAgainstAverage(0.5, 0)).toBe("red");
  });
  it("is not rated without a value or an average", () => {
    expect(rateAgainstAverage(null, 10)).toBeNull();
    expect(rateAgainstAverage(3, null)).toBeNull();
  });
});

describe("rating against a target and a change", () => {
  it("is green up to the target included", () => {
    expect(rateAgainstTarget(0.01, 0.01)).toBe("green");
    expect(rateAgainstTarget(0.0101, 0.01)).toBe("red");
    expect(rateAgainstTarget(null, 0.01)).toBeNull();
  });
  it("rates a decrease green, no change yellow, an increase red", () => {
    expect([rateChange(-2), rateChange(0), rateChange(1), rateChange(null)]).toEqual(["green", "yellow", "red", null]);
  });
});

describe("overall score", () => {
  it("sums the points and bands them at ±2", () => {
    expect(computeOverallScore(["green", "green", "yellow", "yellow", "yellow"])).toEqual({ score: 2, band: "above_average", ratedCount: 5 });
    expect(computeOverallScore(["green", "yellow", "yellow", "yellow", "yellow"])).toEqual({ score: 1, band: "average", ratedCount: 5 });
    expect(computeOverallScore(["red", "yellow", "yellow", "yellow", "yellow"])).toEqual({ score: -1, band: "average", ratedCount: 5 });
    expect(computeOverallScore(["red", "red", "yellow", null, null])).toEqual({ score: -2, band: "below_average", ratedCount: 3 });
  });
  it("is not computed when nothing is rated", () => {
    expect(computeOverallScore([null, null])).toEqual({ score: null, band: null, ratedCount: 0 });
  });
  it("averages the values that exist", () => {
    expect(averageOf([1, null, 3])).toBe(2);
    expect(averageOf([null])).toBeNull();
  });
});
