import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO, signIn } from "./session";

/** The PDF's text without whitespace: a cell's text wraps onto lines of its own. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, "");
}
const bare = (s: string) => s.replace(/\s+/g, "");

test.describe("reports, feeds and editions in the reader's language (issue #18)", () => {
  test("a German reader opens France's country report, reads its figures in German and downloads the German PDF", async ({ page, request }) => {
    await page.goto("/de/member-states/FR?as_of=2005-01-01");
    // The page announces the German feed of France's changes, which is German and says so.
    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveAttribute("href", /\/de\/feeds\/changes\.atom\?state=FR$/);
    const feed = await request.get("/de/feeds/changes.atom?state=FR");
    expect(feed.status()).toBe(200);
    const xml = await feed.text();
    expect(xml).toContain('xml:lang="de"');
    expect(xml).toContain("NIS-Maßnahmenverzeichnis: Änderungen für Frankreich");
    expect(xml).toMatch(/<link rel="self" type="application\/atom\+xml" href="http:\/\/[^"]+\/de\/feeds\/changes\.atom\?state=FR"/);

    await page.getByRole("link", { name: "Länderbericht (druckbar, PDF)" }).click();
    await expect(page).toHaveURL(/\/de\/member-states\/FR\/report\?as_of=2005-01-01$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Länderbericht: Frankreich (FR)");
    const figures = page.getByRole("table", { name: "Kennzahlen nach Art des Binnenmarktanzeigers" });
    // The indicators are named as the German dashboard names them, not by the catalogue's English.
    const deficit = figures.getByRole("row", { name: /^Umsetzungsdefizit/ });
    const deficitValue = (await deficit.getByRole("cell").first().textContent())!.trim();
    expect(deficitValue).toMatch(/^\d+,\d\s%$/u);
    await expect(deficit).toContainText(/(Grün \(gut\)|Rot \(schwach\)|Gelb \(mittel\))/);
    await expect(deficit).toContainText("Europäischer Rat, März 2007");
    await expect(figures).not.toContainText(/Transposition deficit|Above average|Below average|Not rated/);
    await expect(page.locator(".report-citation")).toContainText("Stand 01.01.2005");
    await expect(page.locator(".report-citation")).toContainText(/\/de\/member-states\/FR\/report\?as_of=2005-01-01/);
    await expectNoSeriousAxeViolations(page);

    const pdfLink = page.getByRole("link", { name: "Als PDF herunterladen" });
    await expect(pdfLink).toHaveAttribute("href", "/de/member-states/FR/report.pdf?as_of=2005-01-01");
    const [download] = await Promise.all([page.waitForEvent("download"), pdfLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^country-report-FR-2005-01-01-v\d+\.pdf$/);
    const text = await pdfText(await readFile((await download.path())!));
    expect(text).toContain(bare("Länderbericht: Frankreich (FR)"));
    expect(text).toContain(bare(`Umsetzungsdefizit${deficitValue}`));
    expect(text).toContain(bare("Stand: 01.01.2005"));
    expect(text).not.toContain(bare("Transposition deficit"));
    // The English PDF stays at its unprefixed address.
    expect(await pdfText(await (await request.get("/member-states/FR/report.pdf?as_of=2005-01-01")).body())).toContain(bare("Country report: France (FR)"));
  });

  test("a French reader finds the editions in French, with how many have been published", async ({ page }) => {
    await page.goto("/fr/editions");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Éditions");
    // Other stories publish editions on the same database: what is said depends on how many there are now.
    const published = await page.getByRole("table", { name: "Éditions" }).getByRole("row").count();
    const editions = Math.max(0, published - 1);
    if (editions === 0) await expect(page.getByText("Deux éditions sont nécessaires pour comparer ; aucune n'a été publiée.")).toBeVisible();
    else if (editions === 1) await expect(page.getByText("Deux éditions sont nécessaires pour comparer ; une seule a été publiée.")).toBeVisible();
    else await expect(page.getByRole("button", { name: "Comparer" })).toBeVisible();
    await expect(page.getByText(/has been published|have been published/)).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);
  });

  test("an editor records a French working title, which French readers see under the original title", async ({ page }) => {
    const key = "lu-loi-2018-08-01-cnpd";
    const title = "Loi du 1er août 2018 portant organisation de la Commission nationale pour la protection des données (titre de travail)";
    await signIn(page, DEMO.editor, `/fr/measures/${key}`);
    await page.goto(`/fr/measures/${key}`);
    await page.getByRole("link", { name: `Modifier la mesure ${key}` }).click();
    await expect(page).toHaveURL(/\/fr\/staff\/measures\/\d+$/);
    const field = page.getByLabel("Titre de travail en français");
    await expect(field).toBeVisible();
    await expect(page.getByText(/Affiché dans l'interface française sous le titre original/)).toBeVisible();
    await expect(page.getByLabel("Titre de travail en allemand")).toBeVisible();
    await field.fill(title);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(page).toHaveURL(/notice=saved/);

    await page.goto(`/fr/measures/${key}`);
    const original = page.getByRole("heading", { level: 1 });
    await expect(original).toHaveAttribute("lang", "fr");
    const working = page.locator(".working-title");
    await expect(working).toContainText(title);
    await expect(working).toContainText("titre de travail, pas une traduction officielle");
    await expectNoSeriousAxeViolations(page);
    // Not in German (none recorded) nor in English.
    await page.goto(`/de/measures/${key}`);
    await expect(page.locator(".working-title")).toHaveCount(0);
    await page.goto(`/measures/${key}`);
    await expect(page.locator(".working-title")).toHaveCount(0);
  });
});
