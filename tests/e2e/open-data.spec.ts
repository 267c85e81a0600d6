import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO, signIn } from "./session";

test.describe("Open data", () => {
  test("a researcher downloads a filtered CSV from a table page and it holds the table's rows", async ({ page }) => {
    await page.goto("/measures?state=DE&state=FR&sort=title");
    const titles = await page.locator("table tbody tr th a, table tbody tr td:first-child a").allTextContents();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^measures_DE_FR_\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(readFileSync((await download.path())!, "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(["DE", "FR"]));
    expect(rows.slice(0, titles.length).map((r) => r.title)).toEqual(titles.map((t) => t.trim()));
  });

  test("the API page, the data page and openapi.json load", async ({ page, request }) => {
    await page.goto("/api");
    await expect(page.getByRole("heading", { name: "Open data API" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "GET /api/v1/transpositions" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.goto("/data");
    await expect(page.getByRole("heading", { name: "Open data", level: 1 })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/measures");
    const bad = await request.get("/api/v1/measures?state=Germany");
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toBe("application/problem+json");
  });

  test("an editor imports a correspondence table: fixes the bad row, previews, applies, and sees it on the Member State page", async ({ page }) => {
    await signIn(page, DEMO.editor, "/import");
    await page.goto("/import");
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel("Member State").selectOption("IT");
    await page.getByLabel("Instrument").selectOption("31995L0046");
    const bad = "article,national_provision,status,relation,measure,note\r\n16,Art. 8 legge 675/1996,full,equal,,\r\n18,Art. 7 legge 675/1996,complete,,,\r\n";
    await page.getByLabel("CSV file").setInputFiles({ name: "it.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Check the file" }).click();
    const errors = page.getByRole("table", { name: /Rows with errors/ });
    await expect(errors.getByRole("row", { name: /3 status Unknown status "complete"/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Apply all changes" })).toBeDisabled();
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel("CSV file").setInputFiles({ name: "it.csv", mimeType: "text/csv", buffer: Buffer.from(bad.replace(",complete,", ",full,")) });
    await page.getByRole("button", { name: "Check the file" }).click();
    const preview = page.getByRole("table", { name: "Preview of the changes" });
    await expect(preview.getByRole("row", { name: /Art\. 18 Create/ })).toBeVisible();
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await page.getByRole("button", { name: "Apply all changes" }).click();
    await expect(page.getByText("Applied 2 changes.")).toBeVisible();
    await page.goto("/transpositions?state=IT&instrument=31995L0046");
    await expect(page.getByRole("cell", { name: "Art. 7 legge 675/1996" })).toBeVisible();
    await page.goto("/member-states/IT");
    await expect(page.getByText("Art. 7 legge 675/1996").first()).toBeAttached();
  });

  test("a regulator's import becomes a pending submission", async ({ page }) => {
    await signIn(page, DEMO.regulatorFR, "/import");
    await page.goto("/import");
    await expect(page.getByLabel("Member State")).toHaveValue("FR");
    await page.getByLabel("Instrument").selectOption("31999L0093");
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "fr.csv", mimeType: "text/csv", buffer: Buffer.from("article,national_provision,status\r\n5,Art. 1316-4 Code civil,full\r\n") });
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByRole("table", { name: "Preview of the changes" })).toBeVisible();
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText(/Submission #\d+ created with 1 change; it is pending review\./)).toBeVisible();
  });
});
