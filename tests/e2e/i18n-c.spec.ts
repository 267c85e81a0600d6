import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO, signIn } from "./session";

/**
 * The editing and staff side in German and French: the entity form's labels, hints, buttons, field errors and
 * conflict notice, the staff pages, and a regulator drafting in French whose change an editor reviews in German.
 */

/** The staff edit page of a measure, found on its Member State's page for Directive 95/46/EC (in English; the href is the same in every language). */
async function measureEditPath(page: Page, state: string, title: RegExp): Promise<string> {
  await page.goto(`/member-states/${state}/instruments/31995L0046?as_of=2010-01-01`);
  const href = await page.getByRole("row", { name: title }).first().getByRole("link", { name: /Edit/ }).getAttribute("href");
  expect(href).toMatch(/^\/staff\/measures\/\d+$/);
  return href!;
}

test.describe("the staff side in German and French", () => {
  test("an editor works in German: field errors, a conflict, the audit trail", async ({ browser }) => {
    test.slow();
    const editor = await (await browser.newContext()).newPage();
    const admin = await (await browser.newContext()).newPage();
    await signIn(editor, DEMO.editor);
    await signIn(admin, DEMO.admin);

    await editor.goto("/de/staff");
    await expect(editor.locator("html")).toHaveAttribute("lang", "de");
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Arbeitsbereich der Mitarbeitenden");
    await expect(editor.getByRole("link", { name: "Neue nationale Maßnahme" })).toBeVisible();
    await expectNoSeriousAxeViolations(editor);

    // Bad input: the form's message and each field's in German, the input kept.
    const edit = await measureEditPath(editor, "FI", /Henkilötietolaki/);
    await editor.goto(`/de${edit}`);
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Datensatz bearbeiten (nationale Maßnahme)");
    await expect(editor.getByText("Titel in der Originalsprache")).toBeVisible();
    await expectNoSeriousAxeViolations(editor);
    await editor.getByLabel("Erlassen am").fill("31.12.1999");
    await editor.getByLabel("Amtliche URL").fill("javascript:alert(1)");
    await editor.getByRole("button", { name: "Änderungen speichern" }).click();
    await expect(editor.getByText("Einige Felder müssen korrigiert werden.")).toBeVisible();
    await expect(editor.getByLabel("Erlassen am")).toHaveAttribute("aria-invalid", "true");
    await expect(
      editor.getByText("Verwenden Sie JJJJ-MM-TT (oder TT/MM/JJJJ), oder JJJJ-MM bzw. JJJJ, wenn die Quelle nur Monat oder Jahr angibt."),
    ).toBeVisible();
    await expect(editor.getByText("Geben Sie eine vollständige Adresse mit http:// oder https:// an.")).toBeVisible();
    await expect(editor.getByLabel("Erlassen am")).toHaveValue("31.12.1999");
    await expectNoSeriousAxeViolations(editor);

    // Two people save the same record: the second reads the conflict in German and can re-apply.
    await Promise.all([editor.goto(`/de${edit}`), admin.goto(`/de${edit}`)]);
    await editor.getByLabel("Anmerkung").fill("Anmerkung der Redaktion");
    await admin.getByLabel("Anmerkung").fill("Anmerkung der Verwaltung");
    await editor.getByRole("button", { name: "Änderungen speichern" }).click();
    await expect(editor.getByText("Gespeichert. Die Änderung ist im Verlauf festgehalten.")).toBeVisible();
    await expect(editor).toHaveURL(/^[^?]*\/de\/staff\/measures\/\d+\?notice=saved$/);
    await admin.getByRole("button", { name: "Änderungen speichern" }).click();
    await expect(admin.getByText("Eine andere Person hat diesen Datensatz geändert, während Sie ihn bearbeitet haben.")).toBeVisible();
    const conflict = admin.getByRole("region", { name: "Von einer anderen Person geändert" });
    await expect(conflict.getByRole("row", { name: /Anmerkung Anmerkung der Redaktion Anmerkung der Verwaltung/ })).toBeVisible();
    await expectNoSeriousAxeViolations(admin);
    await admin.getByRole("button", { name: "Änderungen speichern und deren Änderungen überschreiben" }).click();
    await expect(admin.getByText("Gespeichert.")).toBeVisible();
    await expect(admin.getByLabel("Anmerkung")).toHaveValue("Anmerkung der Verwaltung");

    // The audit trail names the change and its field by the form's German label; the public list of changes does too.
    await editor.goto("/de/staff/audit?entity=national_measure");
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Prüfprotokoll");
    await expect(editor.getByRole("row", { name: /Geändert .*Henkilötietolaki.*Anmerkung/ }).first()).toBeVisible();
    await expectNoSeriousAxeViolations(editor);
    await editor.goto("/de/changes?state=FI");
    await expect(editor.getByText("Anmerkung").first()).toBeVisible();
  });

  test("the other staff pages read in German", async ({ browser }) => {
    test.slow();
    const editor = await (await browser.newContext()).newPage();
    const admin = await (await browser.newContext()).newPage();
    await signIn(editor, DEMO.editor);
    await signIn(admin, DEMO.admin);
    const edit = await measureEditPath(editor, "DK", /persondataloven/);
    for (const [page, path, heading] of [
      [editor, "/de/staff/measures/new?state=DK", "Neuer Datensatz: nationale Maßnahme"],
      [editor, `/de${edit}/delete`, "Diesen Datensatz (nationale Maßnahme) löschen?"],
      [editor, "/de/staff/submissions", "Meldungen der Regulierungsbehörden"],
      [editor, "/de/staff/eurlex", "Import aus EUR-Lex"],
      [editor, "/de/import", "Entsprechungstabelle importieren"],
      [admin, "/de/staff/users", "Benutzer"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expectNoSeriousAxeViolations(page);
    }
    await expect(admin.getByRole("table", { name: /\d+ Konten/ })).toBeVisible();
    await admin.getByRole("link", { name: DEMO.researcher.email }).click();
    await expect(admin.getByRole("heading", { name: "Rolle und Zugang" })).toBeVisible();
    await expect(admin.getByRole("combobox", { name: "Rolle", exact: true })).toHaveValue("researcher");
    await expectNoSeriousAxeViolations(admin);
  });

  test("a regulator drafts in French, an editor reviews in German and sends it back, the regulator revises in French", async ({ browser }) => {
    test.slow();
    const regulator = await (await browser.newContext()).newPage();
    await signIn(regulator, DEMO.regulatorFR);
    await regulator.goto("/fr/submissions/new?operation=create&entity=national_measure");
    await expect(regulator.getByRole("heading", { name: "Nouvelle fiche : mesure nationale" })).toBeVisible();
    await expect(regulator.getByText("Vous ne proposez des modifications que pour votre propre État membre.")).toBeVisible();

    // Field errors from the shared schema, in French: first the fields left empty, then a rule across fields.
    await regulator.getByRole("button", { name: "Ajouter au projet" }).click();
    await expect(regulator.getByText("Certains champs sont à corriger.")).toBeVisible();
    await expect(regulator.getByText("Champ obligatoire.").first()).toBeVisible();
    await expect(regulator.getByText("Utilisez un code ISO 639-1 à deux lettres, par ex. de.")).toBeVisible();
    await expectNoSeriousAxeViolations(regulator);
    await regulator.getByLabel("Clé").fill("de-loi-essai");
    await regulator.getByLabel("Titre dans la langue originale").fill("Loi d'essai relative à la sécurité des réseaux");
    await regulator.getByLabel("Langue (ISO 639-1)").fill("fr");
    await regulator.getByLabel("95/46/EC (31995L0046)").check();
    await regulator.getByRole("button", { name: "Ajouter au projet" }).click();
    await expect(regulator.getByText("La clé doit commencer par fr-.")).toBeVisible();
    await expect(regulator.getByLabel("Clé")).toHaveAttribute("aria-invalid", "true");

    await regulator.getByLabel("Clé").fill("fr-loi-essai-2004");
    await regulator.getByRole("button", { name: "Ajouter au projet" }).click();
    await expect(regulator.getByText("Ajoutée au projet.")).toBeVisible();
    await expect(regulator.getByText(/Nouvelle mesure nationale — Loi d'essai relative à la sécurité des réseaux \(fr-loi-essai-2004\)/).first()).toBeVisible();
    await regulator.getByLabel("Message aux examinateurs").fill("Nouvelle loi d'essai.");
    await regulator.getByRole("button", { name: "Envoyer la soumission pour examen" }).click();
    await expect(regulator).toHaveURL(/\/fr\/submissions\/\d+\?notice=submitted/);
    const id = /\/submissions\/(\d+)/.exec(regulator.url())![1]!;

    const editor = await (await browser.newContext()).newPage();
    await signIn(editor, DEMO.editor);
    await editor.goto(`/de/staff/submissions/${id}`);
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(`Meldung Nr. ${id} von FR`);
    const diff = editor.getByRole("table", { name: /Änderung 1\. Neue nationale Maßnahme — Loi d'essai/ });
    await expect(diff.getByRole("columnheader", { name: "Vorgeschlagen" })).toBeVisible();
    await expect(diff.getByRole("row", { name: /^Titel in der Originalsprache/ })).toBeVisible();
    await expect(editor.getByRole("heading", { name: "Entscheidung" })).toBeVisible();
    await expectNoSeriousAxeViolations(editor);
    await editor.getByLabel("Was geändert werden muss").fill("Bitte die Fundstelle ergänzen.");
    await editor.getByRole("button", { name: "Zur Überarbeitung zurücksenden" }).click();
    await expect(editor.getByText("Mit Ihrem Kommentar an die Regulierungsbehörde zurückgesandt.")).toBeVisible();
    await expect(editor.getByRole("cell", { name: "Änderungen an einer Meldung angefordert" })).toBeVisible();

    await regulator.goto(`/fr/submissions/${id}/revise`);
    await expect(regulator.getByRole("heading", { level: 1 })).toHaveText(`Réviser la soumission nº ${id}`);
    await expect(regulator.getByText(/^Renvoyée par /)).toBeVisible();
    await expect(regulator.getByText("Bitte die Fundstelle ergänzen.")).toBeVisible();
    await expectNoSeriousAxeViolations(regulator);
  });
});
