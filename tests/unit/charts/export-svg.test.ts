import { describe, expect, it } from "vitest";
import { chartFileName, chartSvgDocument, MIN_EXPORT_WIDTH, wrapText } from "@/lib/charts/export-svg";

const drawing = { inner: '<rect width="10" height="10" style="fill:#0b4ea2"/>', width: 360, height: 200, viewBox: "0 0 360 200" };
const text = {
  title: "Transposition deficit per Member State <2026>",
  date: "As of 2026-12-07",
  source: "Source: NIS Measures Inventory (https://x.test/charts), dataset version v7.",
};

describe("a chart as an SVG file", () => {
  it("puts the title, date, legend and source line around the drawing, escaped", () => {
    const { svg, width, height } = chartSvgDocument(drawing, text, [{ label: "Deficit & more", colour: "#0b4ea2" }]);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(svg).toContain("<title>Transposition deficit per Member State &lt;2026&gt;</title>");
    expect(svg).toContain(">As of 2026-12-07</text>");
    expect(svg).toContain("Deficit &amp; more");
    // The source line wraps into several <text> lines at this width; its words are all there, in order.
    expect(svg.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ")).toContain(text.source);
    expect(svg).toContain(drawing.inner);
    expect(width).toBe(MIN_EXPORT_WIDTH);
    // A phone's drawing keeps its size, centred on the minimum width.
    expect(svg).toContain(`<svg x="${(MIN_EXPORT_WIDTH - 360) / 2}" y=`);
    expect(svg).toContain(`width="360" height="200" viewBox="0 0 360 200"`);
    expect(height).toBeGreaterThan(200);
  });

  it("keeps a drawing wider than the minimum at its width", () => {
    expect(chartSvgDocument({ ...drawing, width: 1100, height: 380 }, text).width).toBe(1100);
  });

  it("wraps long lines between words", () => {
    const lines = wrapText("a ".repeat(100).trim(), 100, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => l.length <= 17)).toBe(true);
    expect(lines.join(" ")).toBe("a ".repeat(100).trim());
  });

  it("names the files by chart and date", () => {
    expect(chartFileName("map-deficit", "2026-12-07", "png")).toBe("chart-map-deficit-2026-12-07.png");
    expect(chartFileName('x"/y', "2026", "svg")).toBe("chart-x_y-2026.svg");
  });
});
