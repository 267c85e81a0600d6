import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";

/**
 * The instrument, national transposition, gap matrix, charts, lines of law, provisions and obligations pages in French
 * and German (issue #18): their words, dates and state names in the language, their links (plain ones too) keeping it.
 */
test.describe("an instrument and its national transposition in French", () => {
  test("reads the instrument page, follows its transposition by keyboard, sorts by delay and opens a state's record", async ({ page }) => {
    await page.goto("/fr/instruments/31999L0093?as_of=2003-01-01");
    await expect(page).toHaveTitle(/^1999\/93\/EC — /);
    await expect(page.getByRole("heading", { name: "Situation de chaque État membre pour chaque disposition" })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Situation de chaque État membre pour chaque disposition" }).getByRole("columnheader", { name: "État membre" }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Notifications par État membre" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Filiation" })).toBeVisible();
    await expect(page.locator("dt", { hasText: /^Délai de transposition$/ }).locator("xpath=following-sibling::dd[1]")).toContainText("19/07/2001");
    await expectNoSeriousAxeViolations(page);

    const transposition = page.getByRole("link", { name: /^Transposition nationale : délais, notifications et retards par État membre$/ });
    await transposition.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/fr\/instruments\/31999L0093\/transposition\?as_of=2003-01-01$/);
    await expect(page).toHaveTitle(/^Transposition nationale de 31999L0093 — /);
    const table = page.getByRole("table", { name: "Transposition nationale de 1999/93/EC au 01/01/2003" });
    await expect(table.getByRole("row")).toHaveCount(16);
    await expect(table.getByRole("columnheader", { name: "Stade de la procédure d'infraction" })).toBeVisible();
    await expect(table.getByRole("link", { name: "Allemagne" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("link", { name: "retard le plus long d'abord" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/fr\/instruments\/31999L0093\/transposition\?as_of=2003-01-01&sort=delay$/);
    await expect(page.locator('strong[aria-current="true"]')).toHaveText("retard le plus long d'abord");
    // Months as French writes them (a decimal comma), longest first.
    const delays = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.querySelectorAll("td")[3]!.textContent ?? ""));
    const months = delays.map((t) => Number((/\(([\d,]+) mois\)|([\d,]+) mois de retard/.exec(t)?.slice(1).find(Boolean) ?? "NaN").replace(",", ".")));
    const known = months.filter((n) => !Number.isNaN(n));
    expect(known.length).toBeGreaterThan(0);
    expect(known).toEqual([...known].sort((a, b) => b - a));

    await table.getByRole("link", { name: "Allemagne" }).click();
    await expect(page).toHaveURL(/\/fr\/member-states\/DE\/instruments\/31999L0093\?as_of=2003-01-01$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Allemagne (DE) : 1999/93/EC");
    await expect(page).toHaveTitle(/^Allemagne : 1999\/93\/EC — /);
    await expect(page.getByRole("heading", { name: "Procédures d'infraction" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ces correspondances sous forme de tableau" })).toHaveAttribute("href", /^\/fr\/transpositions\?/);
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe("the gap matrix in German", () => {
  test("keeps the language in the heatmap's plain links and switches views by keyboard", async ({ page }) => {
    test.slow(); // two matrices of thousands of cells, each checked by axe, on two shared cores
    await page.goto("/de/gaps?instrument=31995L0046&as_of=2005-01-01");
    await expect(page).toHaveTitle(/^Lückenmatrix — /);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lückenmatrix");
    await expect(page.getByRole("heading", { name: "95/46/EC: Mitgliedstaaten × umzusetzende Bestimmungen, Stand 01.01.2005" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Legende" })).toContainText("Vollständig");
    const heatmap = page.locator("table.heatmap");
    await expect(heatmap.getByRole("columnheader", { name: "Mitgliedstaat (Lücke)" })).toBeVisible();
    // Rows and cells are plain links (no <Link>): they carry the /de prefix themselves.
    const stateLinks = await heatmap.locator("tbody th a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(stateLinks.length).toBeGreaterThan(0);
    for (const href of stateLinks) expect(href).toMatch(/^\/de\/member-states\/[A-Z]{2}\?as_of=2005-01-01$/);
    await expect(heatmap.getByRole("link", { name: /^Frankreich, 95\/46\/EC Art\. \d+/ }).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    const cell = heatmap.locator("tbody td a").first();
    expect(await cell.getAttribute("href")).toMatch(/^\/de\/provisions\/\d+\?state=[A-Z]{2}&as_of=2005-01-01$/);
    // By keyboard: the cell, a plain link inside the scrolling table, opens the correspondence in German.
    await cell.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/de\/provisions\/\d+\?state=/);
    await expect(page.getByRole("heading", { name: "Wie jeder Mitgliedstaat sie umgesetzt hat" })).toBeVisible();
    await page.goBack();

    const views = page.getByRole("navigation", { name: "Ansichten der Matrix" });
    await views.getByRole("link", { name: "Mitgliedstaaten × Pflichten" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/de\/gaps\?view=obligations/);
    await expect(page.getByRole("heading", { name: /^Mitgliedstaaten × Pflichten, Stand / })).toBeVisible();
    await expect(page.getByRole("list", { name: "Legende" })).toContainText("alle bewerteten Bestimmungen vollständig");
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe("the charts in French", () => {
  test("titles, axes, legends, data tables and download buttons read in French; the CSV stays the open-data English", async ({ page }) => {
    await page.goto("/fr/charts?as_of=2002-06-01&instrument=31995L0046");
    await expect(page).toHaveTitle(/^Graphiques — /);
    const deficit = page.getByRole("region", { name: /^Déficit de transposition par État membre au 01\/06\/2002/ });
    await expect(deficit).toBeVisible();
    await expect(deficit.locator(".recharts-legend-wrapper")).toContainText("Déficit de transposition (%)");
    await expect(deficit.locator(".recharts-wrapper")).toContainText("État membre");
    await expect(deficit.getByRole("button", { name: /Télécharger/ }).first()).toBeVisible();
    await expect(page.getByRole("region", { name: /^États membres ayant transposé 95\/46\/EC/ })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Répartition des retards de transposition/ })).toContainText("Dans les délais");
    const coverage = page.getByRole("region", { name: /^Couverture des dispositions par propriété de sécurité/ });
    await expect(coverage).toBeVisible();

    // The data table, opened by keyboard.
    await deficit.getByText("Tableau des données").focus();
    await page.keyboard.press("Enter");
    const data = deficit.getByRole("table", { name: /^Données : Déficit de transposition/ });
    await expect(data.getByRole("columnheader", { name: "Échus, notification connue" })).toBeVisible();
    const href = await deficit.getByRole("link", { name: /^Télécharger en CSV/ }).getAttribute("href");
    expect(href).toMatch(/^\/api\/v1\/charts\/deficit\?/);
    const csv = await (await page.request.get(href!)).text();
    expect(csv.split("\n")[0]).toContain("Due, notification known");
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe("lines of law, provisions and obligations in German and French", () => {
  test("the lines of law read in German", async ({ page }) => {
    await page.goto("/de/lineage");
    await expect(page).toHaveTitle(/^Rechtslinien — /);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rechtslinien von 1990 bis heute");
    const eprivacy = page.getByRole("region", { name: "Datenschutz in der elektronischen Kommunikation" });
    await expect(eprivacy).toContainText("erlassen am");
    await expect(eprivacy).toContainText("Aufgehoben durch 2002/58/EC ab dem 31.10.2003");
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("link", { name: "2002/58/EC", exact: true }).first().click();
    await expect(page).toHaveURL(/\/de\/instruments\/32002L0058$/);
    await expect(page.getByRole("region", { name: "Rechtslinie" })).toContainText("Geändert durch");
  });

  test("the provisions table and a provision in French", async ({ page }) => {
    await page.goto("/fr/provisions?instrument=31995L0046");
    await expect(page).toHaveTitle(/^Dispositions — /);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dispositions");
    const table = page.getByRole("table", { name: /Dispositions/ });
    await expect(table.getByRole("columnheader", { name: /Transposition requise/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /États évalués/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await table.getByRole("link", { name: /^Art\. 17 de 95\/46\/EC$/ }).click();
    await expect(page).toHaveURL(/\/fr\/provisions\/\d+$/);
    await expect(page).toHaveTitle(/^95\/46\/EC Article 17 — /);
    await expect(page.getByRole("navigation", { name: "Dispositions voisines" })).toContainText("Précédente : Article 16");
    await expect(page.getByRole("heading", { name: "Comment chaque État membre l'a transposée" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("the obligations table and an obligation in German", async ({ page }) => {
    await page.goto("/de/obligations");
    await expect(page).toHaveTitle(/^Sicherheitspflichten — /);
    const table = page.getByRole("table", { name: /Sicherheitspflichten/ });
    await expect(table.getByRole("columnheader", { name: /Abdeckende Staaten/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /Adressat/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await table.locator("tbody tr").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/de\/obligations\/[\w-]+$/);
    await expect(page.getByRole("heading", { name: "Welche Mitgliedstaaten sie abdecken" })).toBeVisible();
    await expect(page.locator("dt", { hasText: /^Adressat$/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
});
