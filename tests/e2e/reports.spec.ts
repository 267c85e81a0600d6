import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expectNoSeriousAxeViolations } from "./accessibility";

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

/** The PDF's text without whitespace: a cell's text wraps onto lines of its own. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, "");
}
const bare = (s: string) => s.replace(/\s+/g, "");
/** The words of an SVG file, its lines joined: the header and source line wrap into several <text> elements. */
const wordsOf = (svg: string) => svg.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Collects the browser's complaints about the page's CSP. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

test.describe("a Commission official preparing a country file", () => {
  test("opens France's report from its page, prints it without the navigation and downloads the same figures as a PDF", async ({ page }) => {
    await page.goto("/member-states/FR?as_of=2005-01-01");
    await page.getByRole("link", { name: "Country report (printable, PDF)" }).click();
    await expect(page).toHaveURL(/\/member-states\/FR\/report\?as_of=2005-01-01$/);
    await expect(page.getByRole("heading", { level: 1, name: "Country report: France (FR)" })).toBeVisible();
    await expect(page.locator(".report-citation")).toContainText(
      /as of 2005-01-01\. Dataset version v\d+\. http:\/\/localhost:\d+\/member-states\/FR\/report\?as_of=2005-01-01/,
    );
    const figures = page.getByRole("table", { name: "Scoreboard-style figures" });
    const deficit = figures.getByRole("row", { name: /^Transposition deficit/ });
    const deficitValue = (await deficit.getByRole("cell").first().textContent())!.trim();
    expect(deficitValue).toMatch(/^\d+\.\d%$/);
    await expect(deficit).toContainText(/(Green \(good\)|Red \(poor\))/);
    await expect(page.getByRole("table", { name: "Delays by instrument" }).getByRole("row", { name: /95\/46\/EC/ })).toContainText("Late");
    await expect(page.getByRole("table", { name: "Measures and provision coverage by instrument" })).toContainText("Loi n° 2004-801 du 6 août 2004");
    await expectNoSeriousAxeViolations(page);

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation").first()).toBeHidden();
    await expect(page.getByRole("link", { name: "Download as PDF" })).toBeHidden();
    await expect(figures).toBeVisible();
    // No table is clipped: printed, every scroller is as wide as what it holds.
    const clipped = await page.locator(".report .table-scroll").evaluateAll((scrollers) => scrollers.filter((s) => s.scrollWidth > s.clientWidth + 1).length);
    expect(clipped).toBe(0);
    await page.emulateMedia({ media: "screen" });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as PDF" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^country-report-FR-2005-01-01-v\d+\.pdf$/);
    const pdf = await bytesOf(download);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(text).toContain(bare("Country report: France (FR)"));
    expect(text).toContain(bare(`Transposition deficit${deficitValue}`));
    expect(text).toContain(bare("Loi n° 2004-801 du 6 août 2004"));
  });

  test("opens the directive report of 95/46/EC from its page, with each state's delay, and its PDF", async ({ page, request }) => {
    await page.goto("/instruments/31995L0046?as_of=2005-01-01");
    await page.getByRole("link", { name: "Directive report (printable, PDF)" }).click();
    await expect(page).toHaveURL(/\/instruments\/31995L0046\/report\?as_of=2005-01-01$/);
    await expect(page.getByRole("heading", { level: 1, name: "Directive report: 95/46/EC" })).toBeVisible();
    const byState = page.getByRole("table", { name: "Transposition by Member State" });
    await expect(byState.getByRole("row", { name: /France \(FR\)/ })).toContainText("Late");
    await expectNoSeriousAxeViolations(page);
    const response = await request.get("/instruments/31995L0046/report.pdf?as_of=2005-01-01");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="directive-report-31995L0046-2005-01-01-v\d+\.pdf"$/);
    expect(await pdfText(await response.body())).toContain(bare("France (FR)"));
  });

  test("the PDF routes answer a malformed or unknown code with 404 and a bad date with 400, never 5xx", async ({ request }) => {
    for (const path of [
      "/member-states/XX/report.pdf",
      "/member-states/fr/report.pdf",
      "/member-states/FRA/report.pdf",
      "/instruments/31995L9999/report.pdf",
      "/instruments/%3Cscript%3E/report.pdf",
    ])
      expect((await request.get(path)).status(), path).toBe(404);
    expect((await request.get("/member-states/FR/report.pdf?as_of=2005-13-45")).status()).toBe(400);
    expect((await request.get("/member-states/FR/report.pdf?colour=red")).status()).toBe(400);
    expect((await request.get("/member-states/XX/report")).status()).toBe(404);
  });
});

test.describe("a researcher taking a chart into a paper", () => {
  test("downloads the deficit chart as SVG with its title, date and source, and as a PNG, by keyboard", async ({ page }) => {
    const violations = cspViolations(page);
    await page.goto("/charts?as_of=2005-01-01");
    const section = page.locator("#chart-deficit");
    const title = (await section.getByRole("heading", { level: 2 }).textContent())!.trim();
    await expect(section.getByRole("link", { name: /Download CSV/ })).toBeVisible();

    // The visually hidden part of a name is read after a space: "Download SVG : <title>".
    const svgButton = section.getByRole("button", { name: new RegExp(`^Download SVG ?: ${escapeRegExp(title)}$`) });
    await svgButton.focus();
    const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(svgDownload.suggestedFilename()).toBe("chart-deficit-2005-01-01.svg");
    const svg = (await bytesOf(svgDownload)).toString("utf8");
    expect(svg).toContain(`<title>${title.replace(/&/g, "&amp;")}</title>`);
    expect(svg).toContain(">As of 2005-01-01</text>");
    expect(wordsOf(svg)).toMatch(/Source: NIS Measures Inventory \(http:\/\/localhost:\d+\/charts\?as_of=2005-01-01\), dataset version v\d+\./);
    // The bars themselves, with their colour inlined, and recharts' legend drawn as a swatch.
    expect(svg).toMatch(/<path[^>]*fill:\s*(rgb\(11, 78, 162\)|#0b4ea2)/);
    expect(svg).toContain("Transposition deficit (%)");

    const pngButton = section.getByRole("button", { name: new RegExp(`^Download PNG ?: ${escapeRegExp(title)}$`) });
    await pngButton.focus();
    const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(pngDownload.suggestedFilename()).toBe("chart-deficit-2005-01-01.png");
    const png = await bytesOf(pngDownload);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16 and 20; drawn at twice the SVG's size, at least 480 wide.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(960);
    expect(png.readUInt32BE(20)).toBeGreaterThan(600);
    expect(png.length).toBeGreaterThan(10_000);
    expect(violations).toEqual([]);
    await expectNoSeriousAxeViolations(page);
  });

  test("every chart and the dashboard's map offer SVG and PNG beside their CSV", async ({ page }) => {
    await page.goto("/charts?as_of=2005-01-01");
    for (const id of ["deficit", "timeline", "delays", "coverage"]) {
      const section = page.locator(`#chart-${id}`);
      await expect(section.getByRole("link", { name: /Download CSV/ })).toBeVisible();
      await expect(section.getByRole("button", { name: /^Download SVG ?: / })).toBeVisible();
      await expect(section.getByRole("button", { name: /^Download PNG ?: / })).toBeVisible();
    }
    const violations = cspViolations(page);
    await page.goto("/?as_of=2005-01-01&map=total_delay");
    const mapSvg = page.getByRole("button", { name: /^Download SVG ?: Map of Europe: Total transposition delay by Member State$/ });
    const [download] = await Promise.all([page.waitForEvent("download"), mapSvg.click()]);
    expect(download.suggestedFilename()).toBe("chart-map-total_delay-2005-01-01.svg");
    const svg = (await bytesOf(download)).toString("utf8");
    expect(svg).toContain("<title>Map of Europe: Total transposition delay by Member State</title>");
    expect(svg).toContain(">As of 2005-01-01</text>");
    expect(svg).toContain("Not a member on this date (plain grey)");
    expect(wordsOf(svg)).toMatch(/Source: NIS Measures Inventory \(http:\/\/localhost:\d+\/\?as_of=2005-01-01&amp;map=total_delay\), dataset version v\d+\./);
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /^Download PNG ?: Map of Europe: Total transposition delay by Member State$/ }).click(),
    ]);
    const bytes = await bytesOf(png);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(960);
    expect(violations).toEqual([]);
  });
});
