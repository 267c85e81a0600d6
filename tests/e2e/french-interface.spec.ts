import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO } from "./session";

/**
 * The interface in French (issue #18): the language lives in the URL (/fr/…), links and redirects keep it, the switcher
 * keeps the page and its query, and a regulator signs in and sends a submission without leaving French.
 */
test.describe("the interface in French", () => {
  test("the dashboard and a Member State page read in French, and the switcher keeps the page and its query", async ({ page }) => {
    await page.goto("/fr");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Inventaire des mesures nationales relatives à la sécurité des réseaux et de l'information",
    );
    await expect(page.getByRole("heading", { name: "Chiffres clés" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Feux tricolores selon la méthode du tableau d'affichage, au / })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Déficit de transposition" })).toBeVisible();
    // The same page in each language, for search engines and assistive tools.
    for (const [lang, href] of [
      ["en", /\/$|:\d+$/],
      ["fr", /\/fr$/],
      ["de", /\/de$/],
    ] as const) {
      await expect(page.locator(`link[rel="alternate"][hreflang="${lang}"]`)).toHaveAttribute("href", href);
    }
    // Numbers and dates as French writes them: a decimal comma before the percent sign.
    await expect(page.getByRole("list", { name: "Chiffres clés" })).toContainText(/\d+,\d\s%/);
    await expectNoSeriousAxeViolations(page);

    // A link of the interface keeps the language: the Scoreboard's France leads to the French Member State page.
    await page
      .getByRole("table", { name: /Feux tricolores/ })
      .getByRole("link", { name: "France", exact: true })
      .click();
    await expect(page).toHaveURL(/\/fr\/member-states\/FR$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("France (FR)");
    await expect(page.getByRole("heading", { name: "Aperçu des actes" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Procédures d'infraction" })).toBeVisible();
    // National titles stay in their own language.
    await expect(page.locator('[lang="fr"] a, a[lang="fr"]').first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // The switcher, by keyboard: same page, same query, the other language.
    await page.goto("/fr/member-states/FR?as_of=2010-01-01");
    const switcher = page.getByRole("navigation", { name: "Langue" });
    await expect(switcher.getByRole("link", { name: "Français" })).toHaveAttribute("aria-current", "true");
    await switcher.getByRole("link", { name: "Deutsch" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/de\/member-states\/FR\?as_of=2010-01-01$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Frankreich (FR)");
    await page.getByRole("navigation", { name: "Sprache" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/member-states\/FR\?as_of=2010-01-01$/);
    expect(new URL(page.url()).pathname).toBe("/member-states/FR");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    // English has no prefix: /en/… redirects to the unprefixed page, its query kept.
    await page.goto("/en/member-states/FR?as_of=2010-01-01");
    expect(new URL(page.url()).pathname).toBe("/member-states/FR");
    expect(new URL(page.url()).search).toBe("?as_of=2010-01-01");
  });

  test("the national measures table reads in French, and filtering keeps the language", async ({ page }) => {
    await page.goto("/fr/measures");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mesures nationales");
    await expect(page.getByRole("columnheader", { name: /Titre \(original\)/ })).toBeVisible();
    await page.locator("form.filters summary", { hasText: "États membres" }).click();
    await page.getByLabel("France (FR)").check();
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(/\/fr\/measures\?.*state=FR/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: /mesures? nationales?/ })
        .first(),
    ).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("a French regulator signs in and sends a submission, every redirect keeping the language", async ({ page }) => {
    await page.goto("/fr/submissions");
    // The guard sends an anonymous visitor to the French sign-in page.
    await expect(page).toHaveURL(/\/fr\/sign-in\?callbackUrl=/);
    await page.getByLabel("Adresse électronique").fill(DEMO.regulatorFR.email);
    await page.getByLabel("Mot de passe").fill(DEMO.regulatorFR.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
    await expect(page).toHaveURL(/\/fr\/submissions$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Soumissions pour FR");
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("link", { name: "Préparer une nouvelle soumission" }).click();
    await expect(page).toHaveURL(/\/fr\/submissions\/new$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle soumission pour FR");
    await page.getByLabel("Action", { exact: true }).selectOption("update");
    await page.getByLabel("Type de fiche").selectOption("notification");
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page).toHaveURL(/\/fr\/submissions\/new\?operation=update&entity=notification$/);
    const record = page.getByLabel("Fiche de l'État FR");
    await expect(record.locator("option")).not.toHaveCount(0);
    await page.getByRole("button", { name: "Ouvrir cette fiche" }).click();
    await expect(page).toHaveURL(/\/fr\/submissions\/new\?operation=update&entity=notification&record=\d+$/);
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("button", { name: "Ajouter cette mise à jour au projet" }).click();
    await expect(page.getByText("Ajoutée au projet.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Modifications de cette soumission (1)" })).toBeVisible();
    await page.getByLabel("Message aux examinateurs").fill("Notification relue avec la liste de la Commission.");
    await page.getByRole("button", { name: "Envoyer la soumission pour examen" }).click();

    // The server action's redirect keeps the prefix.
    await expect(page).toHaveURL(/\/fr\/submissions\/\d+\?notice=submitted/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByText(/^Envoyée pour examen\./)).toBeVisible();
    await expect(page.getByText("En attente d'examen").first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
  test("the changes, editions and report pages read in French and German, and link to the feed and the PDF in their language", async ({ page, request }) => {
    await page.goto("/fr");
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Modifications" }).click();
    await expect(page).toHaveURL(/\/fr\/changes$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modifications");
    await expect(page.getByRole("button", { name: "Afficher les modifications" })).toBeVisible();
    // The feed of the French page is the French feed (tests/e2e/i18n-d.spec.ts reads it).
    const feed = page.getByRole("link", { name: "Flux Atom de ces modifications" });
    await expect(feed).toHaveAttribute("href", "/fr/feeds/changes.atom");
    expect((await request.get("/fr/feeds/changes.atom")).headers()["content-type"]).toContain("application/atom+xml");
    await expectNoSeriousAxeViolations(page);

    await page.goto("/de/editions");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ausgaben");
    await expectNoSeriousAxeViolations(page);

    await page.goto("/de/member-states/FR");
    await page.getByRole("link", { name: "Länderbericht (druckbar, PDF)" }).click();
    await expect(page).toHaveURL(/\/de\/member-states\/FR\/report$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Länderbericht: Frankreich (FR)");
    await expect(page.getByRole("heading", { name: "Vertragsverletzungsverfahren" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Als PDF herunterladen" })).toHaveAttribute("href", /^\/de\/member-states\/FR\/report\.pdf/);
    await expectNoSeriousAxeViolations(page);
  });
});
