import { describe, expect, it } from "vitest";
import { classOf, colourClasses, mapValues } from "@/lib/map/indicators";
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
  it("splits a range into five equal classes, darker for larger values", () => {
    const classes = colourClasses("deficit", [0, 0.5, 1]);
    expect(classes).toHaveLength(5);
    expect(classes[0]).toMatchObject({ min: 0, label: "0.0% – 20.0%" });
    expect(classOf(1, classes)).toBe(classes[4]);
    expect(classOf(0, classes)).toBe(classes[0]);
  });
  it("uses integer classes for counts and one class when all values agree", () => {
    expect(colourClasses("long_overdue", [0, 1, 2]).map((c) => c.label)).toEqual(["0", "1", "2"]);
    expect(colourClasses("infringements", [2, 2])).toHaveLength(1);
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
