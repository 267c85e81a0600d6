import { describe, expect, it } from "vitest";
import { classOf, colourClasses, mapValues, RAMP } from "@/lib/map/indicators";
import { euCodeOf, ISO_NUMERIC_TO_EU } from "@/lib/map/eu-codes";
import { europeShapes, MAP_HEIGHT, MAP_WIDTH, MIN_POINT_DISTANCE } from "@/lib/map/europe";
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
  it("thins the outlines to points at least MIN_POINT_DISTANCE apart, every point inside the frame", () => {
    for (const shape of europeShapes()) {
      let last: [number, number] | null = null;
      for (const [, command, x, y] of shape.d.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)) {
        const point: [number, number] = [Number(x), Number(y)];
        expect(point[0]).toBeGreaterThanOrEqual(0);
        expect(point[0]).toBeLessThanOrEqual(MAP_WIDTH);
        expect(point[1]).toBeGreaterThanOrEqual(0);
        expect(point[1]).toBeLessThanOrEqual(MAP_HEIGHT);
        // Rounding to one decimal may bring two kept points up to 0.15 closer.
        if (command === "L" && last) expect(Math.hypot(point[0] - last[0], point[1] - last[1]), shape.name).toBeGreaterThan(MIN_POINT_DISTANCE - 0.15);
        last = point;
      }
    }
    expect(europeShapes().reduce((n, s) => n + s.d.length, 0)).toBeLessThan(80_000);
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
