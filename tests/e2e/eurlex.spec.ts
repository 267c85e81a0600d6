import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO, signIn } from "./session";

// CELLAR is played by tests/support/cellar-server.ts (playwright.config.ts) serving tests/fixtures/cellar/.
test.describe("Commission staff importing from EUR-Lex", () => {
  test("an editor adds a directive by its CELEX, reviews the preview and applies it", async ({ page }) => {
    await signIn(page, DEMO.editor, "/staff/eurlex");
    await page.goto("/staff/eurlex");
    await expect(page.getByRole("heading", { name: "Import from EUR-Lex" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel("CELEX number").fill("32013L0040");
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview of 2013/40/EU" });
    await expect(preview).toBeVisible();
    await expect(preview.getByText("Not in the inventory: it will be created.")).toBeVisible();
    await expect(preview.getByText("2015-09-04")).toBeVisible();
    await expect(preview.getByText("32005F0222 repealed by 32013L0040: not recorded (an act not in the inventory)")).toBeVisible();
    await expect(preview.getByRole("row", { name: /Criminal Justice \(Offences relating to Information Systems\) Act 2017/ })).toBeVisible();
    await expect(preview.getByRole("heading", { name: "New measures (3)" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("button", { name: "Apply the import" }).click();
    await expect(page.getByRole("status")).toContainText("Applied: the instrument was created, 3 measures created, 0 updated");
    await page.getByRole("link", { name: "Open 2013/40/EU" }).click();
    await expect(page).toHaveURL(/\/instruments\/32013L0040$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2013/40/EU");
  });

  test("the preview of a directive the inventory has shows matches field by field and keeps verified values unless chosen", async ({ page }) => {
    await signIn(page, DEMO.editor, "/staff/eurlex");
    await page.goto("/staff/eurlex");
    await page.getByLabel("CELEX number").fill("32002l0058");
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview of 2002/58/EC" });
    await expect(preview).toBeVisible();
    const ttdsg = preview.getByRole("row", { name: /Telekommunikation-Telemedien-Datenschutz-Gesetz/ });
    await expect(ttdsg.getByText("National identifier", { exact: true })).toBeVisible();
    await expect(ttdsg.getByText(/Notified on: — → 2021-07-15/)).toBeVisible();
    await expect(ttdsg.getByRole("checkbox", { name: "Take EUR-Lex's title (original language) for de-ttdsg-2021" })).not.toBeChecked();
    // GRC is Greece (EL) in the inventory; an unknown code is skipped, not guessed.
    await expect(preview.getByRole("row", { name: /Νόμος 3471\/2006/ })).toContainText("EL");
    await expect(preview.getByText("72002L0058XYZ_200500001: unknown country code XYZ: not a Member State of the inventory")).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("a malformed CELEX gets a field message; regulators cannot open the import", async ({ page, browser }) => {
    await signIn(page, DEMO.editor, "/staff/eurlex");
    await page.goto("/staff/eurlex");
    await page.getByLabel("CELEX number").fill("2002/58/EC");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("Use a CELEX number such as 31995L0046.")).toBeVisible();
    await expect(page.getByLabel("CELEX number")).toHaveAttribute("aria-invalid", "true");

    const regulator = await browser.newPage();
    await signIn(regulator, DEMO.regulatorFR);
    await regulator.goto("/staff/eurlex");
    await expect(regulator).toHaveURL(/\/forbidden$/);
    const refused = await regulator.request.post("/staff/eurlex/run", {
      headers: { origin: new URL(regulator.url()).origin, "content-type": "application/json" },
      data: { mode: "preview", celex: "32013L0040" },
    });
    expect(refused.status()).toBe(403);
    await regulator.close();
  });
});
