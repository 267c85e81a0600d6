"use client";

/**
 * "Download SVG" and "Download PNG" for a chart or the map, beside its CSV: the drawing found in the element
 * `drawingId` is serialized in the browser with its computed styles inlined (the page's stylesheet does not travel
 * with a file), its HTML legend drawn as swatches, under a header with the title and date and over the source line
 * (lib/charts/export-svg.ts); the PNG is that SVG drawn on a canvas at twice its size. Both are offered as blob:
 * downloads, which the CSP allows (next.config.js, img-src blob:).
 */
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";
import { chartFileName, chartSvgDocument, type ExportedDrawing, type LegendEntry } from "@/lib/charts/export-svg";

const STYLE_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
  "display",
] as const;

export interface ChartExportProps {
  /** The id of the element holding the drawing. */
  drawingId: string;
  /** Names the files: "deficit", "map-deficit". */
  fileId: string;
  title: string;
  date: string;
  /** The dataset version the page was computed from ("v1417"). */
  version: string;
}

/** The largest <svg> in the element: recharts draws its legend icons as small ones. */
function drawingIn(container: Element): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of container.querySelectorAll("svg")) {
    const box = svg.getBoundingClientRect();
    if (box.width * box.height > bestArea) [best, bestArea] = [svg, box.width * box.height];
  }
  return best;
}

function serialize(svg: SVGSVGElement): ExportedDrawing {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [clone, ...clone.querySelectorAll("*")];
  originals.forEach((element, i) => {
    const computed = getComputedStyle(element);
    const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(";");
    copies[i]!.setAttribute("style", style);
    copies[i]!.removeAttribute("class");
  });
  const box = svg.getBoundingClientRect();
  const viewBox = svg.getAttribute("viewBox") ?? `0 0 ${box.width} ${box.height}`;
  return {
    inner: new XMLSerializer()
      .serializeToString(clone)
      .replace(/^<svg[^>]*>/, "")
      .replace(/<\/svg>$/, ""),
    width: box.width,
    height: box.height,
    viewBox,
  };
}

/** The legend beside the drawing (recharts' items, the map's list) as label and colour. */
function legendIn(container: Element): LegendEntry[] {
  return [...container.querySelectorAll(".recharts-legend-item, .legend li")].map((item) => {
    const shape = item.querySelector("svg path, svg rect, svg line");
    const fill = shape?.getAttribute("fill");
    const colour = fill && fill !== "none" ? fill : (shape?.getAttribute("stroke") ?? "#888");
    return { label: item.textContent?.trim() ?? "", colour };
  });
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ChartExport({ drawingId, fileId, title, date, version }: ChartExportProps) {
  const tm = useTranslations();
  const locale = useLocale();
  const [failed, setFailed] = useState(false);
  const build = () => {
    const container = document.getElementById(drawingId);
    const svg = container ? drawingIn(container) : null;
    if (!container || !svg) return null;
    const source = tm("chartExport.source", { dataset: "NIS Measures Inventory", url: window.location.href, version });
    return chartSvgDocument(serialize(svg), { title, date: tm("chartExport.date", { date: formatDate(date, locale) }), source }, legendIn(container));
  };
  const saveSvg = () => {
    const made = build();
    setFailed(!made);
    if (made) download(new Blob([made.svg], { type: "image/svg+xml" }), chartFileName(fileId, date, "svg"));
  };
  const savePng = () => {
    const made = build();
    if (!made) return setFailed(true);
    const url = URL.createObjectURL(new Blob([made.svg], { type: "image/svg+xml" }));
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = made.width * 2;
      canvas.height = made.height * 2;
      const context = canvas.getContext("2d");
      if (!context) return setFailed(true);
      context.scale(2, 2);
      context.drawImage(image, 0, 0, made.width, made.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => {
        setFailed(!blob);
        if (blob) download(blob, chartFileName(fileId, date, "png"));
      }, "image/png");
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      setFailed(true);
    };
    image.src = url;
  };
  return (
    <span className="chart-export">
      <button type="button" className="secondary" onClick={saveSvg}>
        {tm("chartExport.svg")}
        <span className="visually-hidden">: {title}</span>
      </button>{" "}
      <button type="button" className="secondary" onClick={savePng}>
        {tm("chartExport.png")}
        <span className="visually-hidden">: {title}</span>
      </button>
      <span role="status" className="chart-export-status">
        {failed ? tm("chartExport.failed") : ""}
      </span>
    </span>
  );
}
