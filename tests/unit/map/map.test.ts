import { describe, expect, it } from "vitest";
import { classOf, colourClasses, mapValues, RAMP } from "@/lib/map/indicators";
import { euCodeOf, ISO_NUMERIC_TO_EU } from "@/lib/map/eu-codes";
import { europeShapes } from "@/lib/map/europe";
import { computeDashboardFigures } from "@/lib/indicators";
import { instrument, notification, snapshot, state } from "../indicators/fixtures";

describe("EU codes of world-atlas ids", () => {
  it("maps ISO numeric ids to the EU's codes, Greece EL and the UK UK", () => {
    expect(euCodeOf("300")).toBe("EL");
    expect(euCodeOf("826")).toBe("UK");
    expect(euCodeOf(40)).toBe("AT");
    expect(euCodeOf("578")).toBeNull(); // Norway
    expect(Object.keys(ISO_NUMERIC_TO_EU)).toHaveLength(28);
  });
  it("draws every one of the 28 states from the bundled geometry, small ones included", () => {
    const shapes = europeShapes();
    const codes = new Set(shapes.map((s) => s.euCode).filter(Boolean));
    expect(codes.size).toBe(28);
    const malta = shapes.find((s) => s.euCode === "MT")!;
    expect(malta.d).toMatch(/^M/);
    expect(malta.centroid.every(Number.isFinite)).toBe(true);
  });
});

describe("colour classes", () => {
  it("put the deficits meeting the 1% target in the lightest class and colour the rest warmer as they grow", () => {
    const classes = colourClasses("deficit", [0, 0.005, 0.2, 0.333, 0.5]);
    expect(classes[0]).toMatchObject({ min: 0, max: 0.01, label: "0.0% – 1.0% (target of 1% met)", colour: RAMP[0] });
    expect(classes).toHaveLength(5);
    expect(classOf(0.01, classes)).toBe(classes[0]);
    // 33.3%, rated red in the Scoreboard table, is never on the light (good) end of the map.
    expect(RAMP.indexOf(classOf(0.333, classes)!.colour as (typeof RAMP)[number])).toBeGreaterThanOrEqual(3);
    expect(classOf(0.5, classes)!.colour).toBe(RAMP[4]);
    // Every class's label contains the values that fall in it.
    for (const v of [0, 0.005, 0.2, 0.333, 0.5]) {
      const c = classOf(v, classes)!;
      expect(v >= c.min - 1e-9 && v <= c.max + 1e-9).toBe(true);
    }
  });

  it("run from better to worse whichever way the numbers run", () => {
    const coverage = colourClasses("coverage", [0, 0.5, 1]);
    expect(classOf(1, coverage)!.colour).toBe(RAMP[0]);
    expect(classOf(0, coverage)!.colour).toBe(RAMP[4]);
    const delay = colourClasses("total_delay", [0, 12, 60]);
    expect(classOf(0, delay)!.colour).toBe(RAMP[0]);
    expect(classOf(60, delay)!.colour).toBe(RAMP[4]);
  });

  it("use integer classes for counts, the target class first, and one class when all values agree", () => {
    expect(colourClasses("long_overdue", [0, 1, 2]).map((c) => c.label)).toEqual(["0 (target of 0 met)", "1", "2"]);
    expect(colourClasses("infringements", [2, 2])).toHaveLength(1);
    expect(colourClasses("deficit", [0, 0])).toEqual([{ min: 0, max: 0, colour: RAMP[0], label: "0.0% (target of 1% met)" }]);
    expect(colourClasses("deficit", [0.4, 0.4])[0]!.colour).not.toBe(RAMP[0]);
    expect(colourClasses("deficit", [null])).toEqual([]);
  });
});

describe("map values", () => {
  const data = snapshot({
    memberStates: [state("AA"), state("BB")],
    instruments: [instrument(1), instrument(2)],
    notifications: [notification("AA", 1, "complete", "1999-01-01"), notification("AA", 2, "none", null)],
  });
  it("gives each member its value in words, or why it has none", () => {
    const values = mapValues("deficit", computeDashboardFigures(data, "2001-01-01"));
    expect(values.get("AA")).toEqual({ value: 0.5, text: "50.0%" });
    expect(values.get("BB")).toEqual({ value: null, text: "no notification known" });
    expect(mapValues("deficit", computeDashboardFigures(data, "1999-01-01")).get("AA")).toEqual({ value: null, text: "no instrument due" });
  });
});
