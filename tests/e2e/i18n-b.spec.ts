import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO } from "./session";

/**
 * The interface in German (issue #18) on the pages of a measure, open data, the API, the account, a record's history
 * and the error pages: the words are German, the data (national titles, CELEX numbers, endpoints) stays as recorded.
 */
test.describe("the interface in German: measures, open data, account and history", () => {
  test("a reader searches, opens a measure, browses the data pages and meets the error pages, all in German", async ({ page }) => {
    await page.goto("/de/search?q=donn%C3%A9es+personnelles");
    const result = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /Loi n° 2004-801 du 6 août 2004/ }) });
    // The context line is composed by the page: German words, the state's German name, the date as German writes it.
    await expect(result.getByText("Nationale Maßnahme · Frankreich · erlassen am 06.08.2004")).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await result.getByRole("link", { name: /Loi n° 2004-801/ }).click();
    await expect(page).toHaveURL(/\/de\/measures\/fr-loi-2004-801/);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    // The national title is data, in its own language.
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "fr");
    await expect(page.getByText("(Arbeitsübersetzung)")).toBeVisible();
    const facts = page.locator("dl.facts");
    await expect(facts.getByText("Mitgliedstaat", { exact: true })).toBeVisible();
    await expect(facts.getByRole("link", { name: "Frankreich" })).toBeVisible();
    await expect(facts.getByText("Der Kommission mitgeteilt")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Rechtsakte, die sie umsetzt" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Bestimmungen, die sie umsetzt" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // Member State names in the filter list and in the table's cells are German; the filter still sends the code.
    await page.goto("/de/measures?state=DE");
    await expect(page.getByRole("checkbox", { name: "Deutschland (DE)" })).toBeChecked();
    await expect(page.getByRole("table").getByRole("link", { name: "Deutschland", exact: true }).first()).toBeVisible();

    await page.goto("/de/data");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Offene Daten");
    await expect(page).toHaveTitle(/Offene Daten/);
    await expect(page.getByRole("heading", { name: "Zitierweise" })).toBeVisible();
    // The API's URLs have no language.
    await expect(page.getByRole("link", { name: "Die neueste Momentaufnahme" })).toHaveAttribute("href", "/api/v1/dataset");
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("link", { name: "die API und die CSV-Exporte" }).click();
    await expect(page).toHaveURL(/\/de\/api$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API für offene Daten");
    await expect(page.getByRole("heading", { name: "Konventionen" })).toBeVisible();
    // Endpoints and field names as they are; a translated table's heads as its German page shows them.
    await expect(page.getByRole("heading", { name: "GET /api/v1/transpositions" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Parameter von /api/v1/measures" }).getByRole("row", { name: /^adopted_from / })).toContainText(
      "Frühestes Erlassdatum (einschließlich), JJJJ-MM-TT.",
    );
    await expect(page.getByRole("table", { name: "Spalten von measures.csv" }).getByRole("row", { name: /^state / })).toContainText("Mitgliedstaat");
    await expectNoSeriousAxeViolations(page);

    const missing = await page.goto("/de/keine-solche-seite");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seite nicht gefunden");
    // The language comes from the URL only: a client's own language header is dropped, even where the proxy does not run.
    const spoofed = await page.request.get("/keine-solche-datei.txt", { headers: { "x-inventory-locale": "de" } });
    expect(spoofed.status()).toBe(404);
    expect(await spoofed.text()).not.toContain("Seite nicht gefunden");
    await expect(page.getByRole("link", { name: "31995L0046" })).toHaveAttribute("href", "/de/instruments/31995L0046");
    await expectNoSeriousAxeViolations(page);

    await page.goto("/de/forbidden");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kein Zugriff");
    await expect(page).toHaveTitle(/Kein Zugriff/);
    await expectNoSeriousAxeViolations(page);
  });

  test("an editor reads her account, her API tokens and a record's history in German, and opens a restore", async ({ page }) => {
    await page.goto("/de/account");
    await expect(page).toHaveURL(/\/de\/sign-in\?callbackUrl=/);
    await page.getByLabel("E-Mail-Adresse").fill(DEMO.editor.email);
    await page.getByLabel("Passwort").fill(DEMO.editor.password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(/\/de\/account$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr Konto");
    await expect(page).toHaveTitle(/Ihr Konto/);
    await expect(page.getByRole("heading", { name: "Passwort ändern" })).toBeVisible();
    await expect(page.getByLabel("Aktuelles Passwort")).toBeVisible();
    // The server action answers in the page's language (a wrong current password changes nothing).
    await page.getByLabel("Aktuelles Passwort").fill("not-the-password");
    await page.getByRole("textbox", { name: "Neues Passwort", exact: true }).fill("another-long-passphrase-2026");
    await page.getByLabel("Neues Passwort wiederholen").fill("another-long-passphrase-2026");
    await page.getByRole("button", { name: "Passwort ändern" }).click();
    await expect(page.getByRole("status").getByText("Ihr aktuelles Passwort ist nicht korrekt.")).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("main").getByRole("link", { name: "API-Token" }).click();
    await expect(page).toHaveURL(/\/de\/account\/tokens$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API-Token");
    await expect(page.getByLabel("Ablauf")).toContainText("in 90 Tagen");
    await page.getByLabel("Name").fill("Abgleich Register");
    await page.getByRole("button", { name: "Token erstellen" }).click();
    await expect(page.getByText("Token erstellt. Kopieren Sie es jetzt")).toBeVisible();
    await expect(page.getByLabel("Ihr neues Token")).toHaveValue(/^nis_/);
    await expectNoSeriousAxeViolations(page);
    await page.reload();
    const row = page.getByRole("row", { name: /Abgleich Register/ });
    await row.getByRole("button", { name: "Widerrufen" }).click();
    await expect(row).toContainText(/Widerrufen am \d{2}\.\d{2}\.\d{4}/);

    await page.goto("/de/history/national_measure/1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Verlauf von /);
    await expect(page.getByText(/^1 erfasste Änderung, die neueste zuerst\. Der Datensatz ist in Version \d+\.$/)).toBeVisible();
    const first = page.locator("ol.history > li").first();
    await expect(first.getByRole("heading", { level: 2 })).toContainText("Angelegt");
    // The time as German writes it, not the ISO form of the English page.
    await expect(first.getByRole("heading", { level: 2 })).toContainText(/\d{2}\.\d{2}\.\d{4}/);
    await expect(first.getByRole("columnheader", { name: "Feld" })).toBeAttached();
    await expectNoSeriousAxeViolations(page);

    // The restore page of the (only) recorded version: it asks first, in German; nothing is submitted here.
    const caption = await first.locator("caption").textContent();
    const eventId = /Ereignis (\d+)/.exec(caption ?? "")?.[1];
    expect(eventId).toBeTruthy();
    await page.goto(`/de/history/national_measure/1/restore/${eventId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diese Version wiederherstellen?");
    await expect(page.getByRole("main").locator("p", { hasText: "erfasste Version zurückgesetzt" })).toContainText(
      /\(derzeit Version \d+\) wird auf die am \d{2}\.\d{2}\.\d{4}/,
    );
    await expect(page.getByRole("table", { name: "Was sich ändert" }).getByRole("columnheader", { name: "Nach der Wiederherstellung" })).toBeVisible();
    await expect(page.getByLabel("Grund der Wiederherstellung")).toBeVisible();
    await expect(page.getByRole("button", { name: "Diese Version wiederherstellen" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Abbrechen und den Datensatz unverändert lassen" })).toHaveAttribute("href", "/de/history/national_measure/1");
    await expectNoSeriousAxeViolations(page);
  });
});
