/**
 * A report (lib/reports/document.ts) as an A4 PDF, drawn on the server by pdfkit: no browser is needed.
 *
 * pdfkit rather than pdf-lib: a report is flowing text and tables across pages, and pdfkit lays text out (line
 * breaking, measuring a wrapped cell's height, page breaks) and embeds a TrueType font as a subset with its
 * ToUnicode map, so the text can be searched and copied; pdf-lib draws positioned strings only, and needs a
 * separate fontkit build for custom fonts. The font is DejaVu Sans Condensed (server/reports/fonts/README.md): the
 * national titles are in Latin scripts with accents, Greek and Cyrillic, which the PDF standard fonts cannot show.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import type { Translate } from "@/lib/translate";
import type { Rating } from "@/lib/indicators/ratings";
import type { ReportCell, ReportDocument, ReportTable } from "@/lib/reports/document";

const FONT_DIR = join(/* turbopackIgnore: true */ process.cwd(), "server", "reports", "fonts");
let fonts: { regular: Buffer; bold: Buffer } | null = null;
/** Read once per process (1.3 MB); pdfkit parses and subsets them per document. */
function fontFiles() {
  fonts ??= { regular: readFileSync(join(FONT_DIR, "DejaVuSansCondensed.ttf")), bold: readFileSync(join(FONT_DIR, "DejaVuSansCondensed-Bold.ttf")) };
  return fonts;
}

const MARGIN = 42; // ≈ 15 mm, as the print stylesheet's @page
const FOOTER = 24;
const INK = "#1b1b1f";
const MUTED = "#55555f";
const RULE = "#b8b8c0";
const HEAD_FILL = "#eef0f5";
const RATING_COLOURS: Record<Rating, string> = { green: "#1b7837", yellow: "#8a6100", red: "#a1141b" };
const RATING_SYMBOLS: Record<Rating, string> = { green: "▲", yellow: "■", red: "▼" };
const CELL_PAD = 3;

type Doc = InstanceType<typeof PDFDocument>;

/** The report as PDF bytes. */
export function renderReportPdf(report: ReportDocument, t: Translate): Promise<Buffer> {
  const { regular, bold } = fontFiles();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
    bufferPages: true,
    // No standard font: pdfkit would load Helvetica's metrics, and nothing is written in it.
    font: null as unknown as string,
    lang: report.locale,
    displayTitle: true,
    info: { Title: report.title, Subject: report.subtitle, Author: "NIS Measures Inventory", Creator: "NIS Measures Inventory" },
  });
  doc.registerFont("Body", regular);
  doc.registerFont("Bold", bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - MARGIN * 2;
  doc.font("Bold").fontSize(16).fillColor(INK).text(report.title, { width });
  doc.moveDown(0.2);
  doc.font("Body").fontSize(9.5).fillColor(MUTED).text(report.subtitle, { width });
  doc.moveDown(0.6);
  for (const fact of report.facts) {
    doc.font("Bold").fontSize(9).fillColor(INK).text(`${fact.label}: `, { continued: true, width });
    doc.font("Body").text(fact.value, { width });
  }
  doc.moveDown(0.5);
  doc
    .font("Bold")
    .fontSize(8.5)
    .text(`${t("report.citation")}: `, { continued: true, width });
  doc.font("Body").fillColor(MUTED).text(report.citation, { width });

  for (const section of report.sections) {
    ensureSpace(doc, 60);
    doc.moveDown(0.9);
    doc.font("Bold").fontSize(12.5).fillColor(INK).text(section.heading, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    for (const paragraph of section.paragraphs) {
      doc.font("Body").fontSize(9).fillColor(INK).text(paragraph, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
    }
    if (section.table) drawTable(doc, section.table, width, (rating) => t(`ratings.${rating}`));
    for (const note of section.notes) {
      doc.moveDown(0.3);
      doc.font("Body").fontSize(8).fillColor(MUTED).text(note, MARGIN, doc.y, { width });
    }
  }

  drawFooters(doc, report, t);
  doc.end();
  return done;
}

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

const TABLE_FONT = 7.5;
const NOTE_FONT = 6.5;

/** A rating in the report's words ("ratings.green"), as the page's badge says it. */
type RatingWord = (rating: Rating) => string;

function cellText(c: ReportCell, ratingWord: RatingWord): string {
  return c.rating ? `${RATING_SYMBOLS[c.rating]} ${ratingWord(c.rating)}` : c.text;
}

function cellHeight(doc: Doc, c: ReportCell, width: number, isHead: boolean, ratingWord: RatingWord): number {
  doc.font(isHead ? "Bold" : "Body").fontSize(TABLE_FONT);
  let h = doc.heightOfString(cellText(c, ratingWord) || " ", { width });
  if (c.note) h += doc.font("Body").fontSize(NOTE_FONT).heightOfString(c.note, { width });
  return h + CELL_PAD * 2;
}

/** A table across pages: rows never split, the head repeated on each page, wrapped cells growing their row. */
function drawTable(doc: Doc, table: ReportTable, width: number, ratingWord: RatingWord) {
  const total = table.columns.reduce((sum, c) => sum + (c.weight ?? 1), 0);
  const widths = table.columns.map((c) => (width * (c.weight ?? 1)) / total);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const head = table.columns.map((c) => ({ text: c.label }));
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const heightOf = (cells: ReportCell[], isHead: boolean) =>
    Math.max(...cells.map((c, i) => cellHeight(doc, c, widths[i]! - CELL_PAD * 2, isHead, ratingWord)));

  const drawRow = (cells: ReportCell[], isHead: boolean, h: number) => {
    const y = doc.y;
    if (isHead) doc.rect(MARGIN, y, width, h).fill(HEAD_FILL);
    cells.forEach((c, i) => {
      const x = xs[i]! + CELL_PAD;
      const w = widths[i]! - CELL_PAD * 2;
      const align = table.columns[i]!.isNumeric ? "right" : "left";
      doc.font(isHead ? "Bold" : "Body").fontSize(TABLE_FONT);
      if (c.rating) {
        doc.fillColor(RATING_COLOURS[c.rating]).text(`${RATING_SYMBOLS[c.rating]} `, x, y + CELL_PAD, { width: w, continued: true });
        doc.fillColor(INK).text(ratingWord(c.rating));
      } else {
        doc.fillColor(INK).text(c.text, x, y + CELL_PAD, { width: w, align });
      }
      if (c.note) doc.font("Body").fontSize(NOTE_FONT).fillColor(MUTED).text(c.note, x, doc.y, { width: w, align });
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };

  const headHeight = heightOf(head, true);
  doc.moveDown(0.2);
  if (doc.y + headHeight * 2 > bottom()) doc.addPage();
  drawRow(head, true, headHeight);
  for (const row of table.rows) {
    const h = heightOf(row, false);
    if (doc.y + h > bottom()) {
      doc.addPage();
      drawRow(head, true, headHeight);
    }
    drawRow(row, false, h);
  }
  doc.moveDown(0.2);
}

/** "Title — Page n of N" on every page, written once the page count is known. */
function drawFooters(doc: Doc, report: ReportDocument, t: Translate) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Below the bottom margin: without lifting it, pdfkit would start a new page.
    doc.page.margins.bottom = 0;
    const page = t("report.page", { page: i + 1, pages: range.count });
    doc
      .font("Body")
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(`${report.title} — ${page}`, MARGIN, doc.page.height - MARGIN - 10, { width: doc.page.width - MARGIN * 2, align: "center", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
