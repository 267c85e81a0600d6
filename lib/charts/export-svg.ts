/**
 * A chart drawing as a stand-alone SVG file: the drawing with a header (title, as-of date, legend) and a source line
 * under it, on white, so a downloaded chart says what it is and where it comes from wherever it is pasted. Pure text
 * in, text out: app/components/charts/chart-export.tsx serializes the drawing in the browser and hands it here.
 */
import { escapeHtml } from "@/lib/html";

export interface ChartExportText {
  title: string;
  /** "As of 2026-12-07". */
  date: string;
  /** "Source: …". */
  source: string;
}

export interface LegendEntry {
  label: string;
  /** A CSS colour or a url(#pattern) the drawing defines. */
  colour: string;
}

export interface ExportedDrawing {
  /** The drawing's <svg> children, serialized, with their styles inlined. */
  inner: string;
  width: number;
  height: number;
  /** The drawing's own viewBox, else "0 0 width height". */
  viewBox: string;
}

/** The narrowest exported image: a drawing narrower than this (on a phone) is centred on it at its own size, so its header and source line keep room. */
export const MIN_EXPORT_WIDTH = 480;
const PAD = 16;
const TITLE_SIZE = 18;
const TEXT_SIZE = 13;
const SOURCE_SIZE = 11;
const FONT = "DejaVu Sans, Verdana, Arial, sans-serif";

/** Lines of at most about `width` pixels at a font size, broken between words (an estimate: the average glyph is 0.56 em wide). */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const maxChars = Math.max(12, Math.floor(width / (fontSize * 0.56)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The whole SVG file: header, the drawing at its size on the page, the source line. */
export function chartSvgDocument(
  drawing: ExportedDrawing,
  text: ChartExportText,
  legend: readonly LegendEntry[] = [],
): { svg: string; width: number; height: number } {
  const drawingWidth = Math.round(drawing.width);
  const drawingHeight = Math.round(drawing.height);
  const width = Math.max(MIN_EXPORT_WIDTH, drawingWidth);
  const textWidth = width - PAD * 2;
  let y = PAD;
  const parts: string[] = [];
  const lines = (content: string, size: number, weight: "bold" | "normal", colour: string) => {
    for (const line of wrapText(content, textWidth, size)) {
      y += size * 1.3;
      parts.push(`<text x="${PAD}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="${colour}">${escapeHtml(line)}</text>`);
    }
  };
  lines(text.title, TITLE_SIZE, "bold", "#1b1b1f");
  lines(text.date, TEXT_SIZE, "normal", "#1b1b1f");
  // The legend as a flowing row of swatches: an HTML legend beside the drawing is not part of its SVG.
  let x = PAD;
  if (legend.length) y += TEXT_SIZE * 1.5;
  for (const entry of legend) {
    const w = 18 + entry.label.length * TEXT_SIZE * 0.56 + 16;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += TEXT_SIZE * 1.5;
    }
    parts.push(
      `<rect x="${x}" y="${y - 11}" width="12" height="12" fill="${escapeHtml(entry.colour)}" stroke="#555"/>`,
      `<text x="${x + 18}" y="${y}" font-family="${FONT}" font-size="${TEXT_SIZE}" fill="#1b1b1f">${escapeHtml(entry.label)}</text>`,
    );
    x += w;
  }
  y += PAD / 2;
  const drawingTop = y;
  y += drawingHeight + PAD / 2;
  const sourceParts: string[] = [];
  for (const line of wrapText(text.source, textWidth, SOURCE_SIZE)) {
    y += SOURCE_SIZE * 1.3;
    sourceParts.push(`<text x="${PAD}" y="${y}" font-family="${FONT}" font-size="${SOURCE_SIZE}" fill="#55555f">${escapeHtml(line)}</text>`);
  }
  const height = Math.ceil(y + PAD);
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeHtml(text.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    `<svg x="${Math.round((width - drawingWidth) / 2)}" y="${drawingTop}" width="${drawingWidth}" height="${drawingHeight}" viewBox="${escapeHtml(drawing.viewBox)}" preserveAspectRatio="xMidYMid meet">${drawing.inner}</svg>`,
    ...sourceParts,
    `</svg>`,
  ].join("\n");
  return { svg, width, height };
}

/** A file name for the download: the chart's id and date, letters, digits, dot, dash and underscore only. */
export function chartFileName(id: string, date: string, extension: "svg" | "png"): string {
  return `${`chart-${id}-${date}`.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 100)}.${extension}`;
}
