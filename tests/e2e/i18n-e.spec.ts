import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";

/**
 * What a page says about a part of its address it could not use, in the reader's language (lib/param-notices.ts words
 * the parsers' codes with the page's catalogue); the CSV and JSON answers keep their English.
 */
test.describe("a French reader with a mistyped measures address", () => {
  test("is told in French which filters were dropped and still gets the table", async ({ page }) => {
    const response = await page.goto("/fr/measures?state=France&state=DE&page_size=100000&as_of=2020-13-45");
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert").filter({ hasText: "Une partie de l'adresse n'a pas pu être utilisée" });
    await expect(alert).toContainText("Paramètre ignoré state=\"France\" : doit être le code à deux lettres d'un pays de l'UE, comme DE ou EL.");
    await expect(alert).toContainText("page_size=100000 est hors limites ; affichage de 100 lignes par page (de 1 à 100).");
    await expect(alert).toContainText("La date demandée (as_of) doit être une date écrite AAAA-MM-JJ ; affichage à la date d'aujourd'hui");
    await expect(alert).not.toContainText("Ignored");
    // The valid part of the address still applies.
    await expect(
      page
        .getByRole("table", { name: /Mesures nationales/ })
        .getByRole("link", { name: "Allemagne" })
        .first(),
    ).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // The comparison page words its own parameters' notices the same way.
    await page.goto("/fr/compare?state=zz&state=DE&instrument=95/46");
    const compareAlert = page.getByRole("alert").filter({ hasText: "Une partie de l'adresse n'a pas pu être utilisée" });
    await expect(compareAlert).toContainText('Paramètre ignoré state="zz" : doit être le code à deux lettres');
    await expect(compareAlert).toContainText('Paramètre ignoré instrument="95/46" : doit être un numéro CELEX, comme 31995L0046.');

    // The search page drops only the parameter it cannot use: the kind asked for stays when the page number is wrong.
    await page.goto("/fr/search?q=protection&kind=measure&page=0");
    const searchAlert = page.getByRole("alert").filter({ hasText: "Une partie de l'adresse n'a pas pu être utilisée" });
    await expect(searchAlert).toContainText('Paramètre ignoré page="0" : doit être un nombre entier à partir de 1.');
    await expect(page.getByRole("link", { name: /^Mesures nationales \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
    await page.goto("/fr/search?q=protection&kind=loi");
    await expect(searchAlert).toContainText('Paramètre ignoré kind="loi" : doit être l\'une des valeurs suivantes : measure, provision, obligation.');

    // The changes page and its feed say what they could not read in French too.
    await page.goto("/fr/changes?state=XX");
    await expect(page.locator(".field-error[role=alert]")).toHaveText("Aucun État membre n'a le code XX.");
    // The word the stylesheet puts before an error is the page's too.
    expect(await page.locator(".field-error[role=alert]").evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"Erreur : "');
    await page.goto("/fr/changes?since=hier");
    await expect(page.locator(".field-error[role=alert]")).toContainText("since doit être une date écrite AAAA-MM-JJ");
    const feed = await page.request.get("/fr/feeds/changes.atom?state=XX");
    expect(feed.status()).toBe(404);
    expect(await feed.text()).toBe("Aucun État membre n'a le code XX.\n");
  });
});

test.describe("a German reader with a made-up map indicator", () => {
  test("is told in German that the default map is shown, which it is; the chart CSV still answers in English", async ({ page }) => {
    const response = await page.goto("/de/?map=bogus");
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert").filter({ hasText: "Ein Teil der Adresse konnte nicht verwendet werden" });
    await expect(alert).toContainText("„map“ muss einer der folgenden Werte sein: deficit,");
    await expect(alert).toContainText("stattdessen wird der Standardwert verwendet.");
    await expect(page.getByRole("group", { name: /^Europakarte: Umsetzungsdefizit nach Mitgliedstaat/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    const csv = await page.request.get("/api/v1/charts/deficit?collection=nope", { headers: { "Accept-Language": "de" } });
    expect(csv.status()).toBe(400);
    const problem = (await csv.json()) as { errors: Record<string, string[]> };
    expect(problem.errors._query).toEqual([expect.stringMatching(/^"collection" must be one of .*; using the default instead\.$/)]);
  });
});
