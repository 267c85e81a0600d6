import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO, signIn } from "./session";

/**
 * The staff import tools in the editor's language: a French editor's CSV import names each bad row's problem in French,
 * and a German editor's EUR-Lex preview gives its skip reasons and its one-line error in German. The form passes the
 * page's language to the route, whose URL has none. CELLAR is played by tests/support/cellar-server.ts.
 */
test.describe("the import tools in French and German", () => {
  test("an editor on /fr/import sees a bad row's problem in French and cannot apply", async ({ page }) => {
    await signIn(page, DEMO.editor, "/import");
    await page.goto("/fr/import");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importer un tableau de correspondance");
    // The states are named and ordered in French: Allemagne (DE) before Autriche (AT).
    const states = page.getByLabel("État membre").locator("option");
    await expect(states.first()).toHaveText("Allemagne (DE)");
    await expect(states.nth(1)).toHaveText("Autriche (AT)");
    await page.getByLabel("État membre").selectOption("IT");
    await page.getByLabel("Acte").selectOption("31995L0046");
    const csv =
      "article,national_provision,status,relation,measure,note\r\n16,Art. 8 legge 675/1996,full,equal,,\r\n18,Art. 7 legge 675/1996,complete,,,\r\n99,,full,,,\r\n";
    await page.getByLabel("Fichier CSV").setInputFiles({ name: "it.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    const errors = page.getByRole("table", { name: /Lignes en erreur/ });
    await expect(errors.getByRole("row", { name: /3 status Statut inconnu "complete" : utilisez l'une des valeurs/ })).toBeVisible();
    await expect(errors.getByRole("row", { name: /4 article Article inconnu "99" : 31995L0046 n'a pas cet article ni cette annexe\./ })).toBeVisible();
    await expect(page.getByText(/Unknown status|Unknown article/)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Appliquer toutes les modifications" })).toBeDisabled();
    await expectNoSeriousAxeViolations(page);

    // A file that is not UTF-8: the file-level message in French.
    await page.getByLabel("Fichier CSV").setInputFiles({ name: "latin1.csv", mimeType: "text/csv", buffer: Buffer.from([0x61, 0xe9, 0x0a]) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await expect(page.getByRole("heading", { name: "Le fichier ne peut pas être importé" })).toBeVisible();
    await expect(page.getByText("Le fichier n'est pas du texte UTF-8. Enregistrez-le au format « CSV UTF-8 » et réessayez.")).toBeVisible();
  });

  test("an editor on /de/staff/eurlex sees the EUR-Lex run's lines in German", async ({ page }) => {
    await signIn(page, DEMO.editor, "/staff/eurlex");
    await page.goto("/de/staff/eurlex");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import aus EUR-Lex");

    await page.getByLabel("CELEX-Nummer").fill("32002l0058");
    await page.getByRole("button", { name: "Vorschau" }).click();
    const preview = page.getByRole("region", { name: /2002\/58\/EC/ });
    await expect(preview).toBeVisible();
    await expect(preview.getByText(/^CELLAR listet \d+ mitgeteilte Maßnahmen/)).toBeVisible();
    await expect(preview.getByText("72002L0058XYZ_200500001: unbekannter Ländercode XYZ: kein Mitgliedstaat des Verzeichnisses")).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // An act CELLAR does not have: the streamed error line in German, nothing changed.
    await page.getByLabel("CELEX-Nummer").fill("32099L9999");
    await page.getByRole("button", { name: "Vorschau" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "CELLAR kennt keinen Rechtsakt mit der CELEX-Nummer 32099L9999; prüfen Sie die Nummer auf EUR-Lex. Es wurde nichts geändert.",
    );
    await expectNoSeriousAxeViolations(page);

    // A number that is not a CELEX at all: the route refuses it before asking CELLAR, and the field says why in German.
    await page.getByLabel("CELEX-Nummer").fill("Richtlinie");
    await page.getByRole("button", { name: "Vorschau" }).click();
    await expect(page.locator("#eurlex-celex-error")).toHaveText("Geben Sie eine CELEX-Nummer wie 32022L2555 ein.");
    await expect(page.getByLabel("CELEX-Nummer")).toHaveAttribute("aria-invalid", "true");
  });
});
