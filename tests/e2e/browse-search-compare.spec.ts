import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";

async function bodyRows(page: Page, table: string) {
  return page.getByRole("table", { name: table }).locator("tbody tr").allInnerTexts();
}

test.describe("a researcher exploring the inventory", () => {
  test("searches “Datenschutz”, filters to Germany and 95/46/EC, sorts by date and reopens the copied URL", async ({ page, browser }) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Search measures, provisions and obligations" }).fill("Datenschutz");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=Datenschutz/);
    // Today's act: the BDSG 2001 was replaced on 2018-05-25 by the act of 2017.
    const bdsg = page.getByRole("link", { name: /Datenschutz-Anpassungs- und -Umsetzungsgesetz/ });
    await expect(bdsg).toBeVisible();
    await expect(bdsg.locator("mark").first()).toHaveText(/datenschutz/i);
    await expectNoSeriousAxeViolations(page);

    // The measures of 95/46/EC as they stood in 2010.
    await page.goto("/measures?as_of=2010-01-01");
    await page.getByLabel("Title contains").fill("Datenschutz");
    await page.locator("summary", { hasText: "Member States" }).click();
    await page.getByRole("checkbox", { name: "Germany (DE)" }).check();
    await page.getByLabel("Instrument").fill("31995L0046");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/state=DE/);
    await expect(page).toHaveURL(/instrument=31995L0046/);
    await expect(page.getByRole("status").filter({ hasText: /national measures?/ })).toContainText(/^\d+ national measures?/);
    const table = page.getByRole("table", { name: "National measures" });
    await expect(table.getByRole("rowheader", { name: /Bundesdatenschutzgesetzes/ })).toBeVisible();

    const adopted = table.getByRole("columnheader", { name: /Adopted/ });
    await adopted.getByRole("button").click();
    await expect(page).toHaveURL(/sort=adopted_on/);
    await expect(adopted).toHaveAttribute("aria-sort", "ascending");
    const url = page.url();
    const rows = await bodyRows(page, "National measures");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /Germany/.test(r))).toBe(true);

    const context = await browser.newContext();
    const fresh = await context.newPage();
    await fresh.goto(url);
    await expect(fresh.getByRole("table", { name: "National measures" }).getByRole("columnheader", { name: /Adopted/ })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    expect(await bodyRows(fresh, "National measures")).toEqual(rows);
    await expectNoSeriousAxeViolations(fresh);
    await context.close();

    // Back returns to the unsorted view, forward to the sorted one.
    await page.goBack();
    await expect(page).not.toHaveURL(/sort=/);
    await page.goForward();
    await expect(page).toHaveURL(/sort=adopted_on/);
  });

  test("compares France and Germany on 1999/93/EC article by article", async ({ page }) => {
    // As of 2005, while both e-signature acts applied (Germany's Signaturgesetz was repealed in 2017).
    await page.goto("/compare?as_of=2005-01-01");
    await page.getByRole("checkbox", { name: "France (FR)" }).check();
    await page.getByRole("checkbox", { name: "Germany (DE)" }).check();
    await page.getByLabel("Instrument").selectOption("31999L0093");
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page).toHaveURL(/state=DE/);
    await expect(page).toHaveURL(/state=FR/);
    await expect(page).toHaveURL(/instrument=31999L0093/);
    const table = page.getByRole("table", { name: /1999\/93\/EC article by article/ });
    await expect(table.getByRole("columnheader", { name: /France/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /Germany/ })).toBeVisible();
    await expect(table.getByRole("rowheader", { name: /Art\. 5/ })).toBeVisible();
    await expect(table.getByText("≠ Differs").first()).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /differ between these states/ })).toBeVisible();
    // The URL is shareable: reopening it shows the same comparison.
    await page.goto(page.url());
    await expect(page.getByRole("table", { name: /1999\/93\/EC article by article/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("views the inventory as of 2001-06-06 and the date follows the links", async ({ page }) => {
    await page.goto("/measures");
    const todayCount = await page.locator(".row-count").innerText();
    await page.getByLabel("As of", { exact: true }).fill("2001-06-06");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/as_of=2001-06-06/);
    await expect(page.getByText(/As of 2001-06-06\./)).toBeVisible();
    const pastCount = await page.locator(".row-count").innerText();
    expect(parseInt(pastCount, 10)).toBeLessThan(parseInt(todayCount, 10));
    await page.getByRole("table", { name: "National measures" }).getByRole("rowheader").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/measures\/[^?]+\?as_of=2001-06-06/);
    await expect(page.getByText(/counts in the inventory as of 2001-06-06/)).toBeVisible();
    await page.goto("/instruments/31995L0046?as_of=2001-06-06");
    // Austria's notification has no recorded date: it counts from its principal measure's entry into force, as in the Scoreboard.
    await expect(page.getByRole("table", { name: "Notifications by Member State" }).getByRole("row", { name: /Austria/ })).toContainText(
      "counts as transposed from 2000-01-01 (date inferred from the principal measure's entry into force)",
    );
    await expectNoSeriousAxeViolations(page);
    await page.goto("/member-states/DE?as_of=1990-01-01");
    await expect(page.getByText(/As of 1990-01-01\./)).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("sorts and shows columns with the keyboard alone", async ({ page }) => {
    // As of 2005, while the 1998 Data Protection Act the UK's rows cite was in force.
    await page.goto("/transpositions?as_of=2005-01-01");
    const state = page.getByRole("columnheader", { name: /Member State/ });
    await state.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=-state/);
    await expect(page.getByRole("columnheader", { name: /Member State/ })).toHaveAttribute("aria-sort", "descending");
    await page.getByText("Columns", { exact: true }).focus();
    await page.keyboard.press("Enter");
    const note = page.getByRole("checkbox", { name: "Assessment note" });
    await note.focus();
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/hide=/);
    await expect(page.getByRole("columnheader", { name: "Assessment note" })).toBeVisible();
    // The server sends a column's cells only once it is shown.
    await expect(page.getByRole("cell", { name: /Seventh principle/ })).toBeVisible();
    await page.getByLabel("Rows per page").selectOption("10");
    await expect(page).toHaveURL(/page_size=10/);
    await expect(page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" })).toBeVisible();
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
  });

  test("follows the links between a state, an instrument, a provision, an obligation and a measure", async ({ page }) => {
    await page.goto("/member-states/AT");
    const section = page.getByRole("region", { name: /^95\/46\/EC/ });
    await section.getByText(/Correspondence table, article by article/).click();
    await expect(section.getByRole("rowheader", { name: /Art\. 17/ })).toBeVisible();
    await expect(section.getByText("Unknown (not assessed)").first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await section.getByRole("link", { name: "Art. 17" }).click();
    await expect(page).toHaveURL(/\/provisions\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/95\/46\/EC Article 17 — Security of processing/);
    const austria = page.getByRole("row", { name: /Austria/ });
    await expect(austria.getByText("§ 14 DSG 2000", { exact: false })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("heading", { name: /Obligations it imposes/ }).waitFor();
    await page.locator("ul.obligations a").first().click();
    await expect(page).toHaveURL(/\/obligations\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { name: "Which Member States cover it" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page
      .getByRole("link", { name: /Austria/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/member-states\/AT$/);
    await page
      .getByRole("link", { name: /Datenschutzgesetz 2000/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/measures\/at-dsg-2000$/);
    await expect(page.getByRole("heading", { name: "Provisions it transposes" })).toBeVisible();
    await expect(page.getByRole("link", { name: /95\/46\/EC Art\. 17/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.goto("/instruments/31995L0046");
    await expect(page.getByRole("table", { name: "Status of every Member State for every provision" }).getByRole("rowheader", { name: /AT/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("every table page and the search page pass axe", async ({ page }) => {
    for (const path of [
      "/measures",
      "/transpositions",
      "/provisions",
      "/obligations",
      "/search?q=donnees",
      "/search?q=%CE%A0%CE%A1%CE%9F%CE%A3%CE%A4%CE%91%CE%A3%CE%99%CE%91",
      "/compare",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    }
    await page.goto("/search?q=donnees");
    await expect(page.locator("mark").first()).toHaveText(/données/i);
  });

  test("gets a clear message, not an error page, for bad or hostile input", async ({ page }) => {
    const cases = [
      "/measures?page_size=100000&sort=password_hash&as_of=2001-02-30&state=XX1&instrument=%3Cscript%3E",
      "/transpositions?status=drop%20table&relation=%27%20or%201%3D1&page=-5",
      "/provisions?q=%22%20OR%201%3D1%20--&property=nope",
      "/obligations?addressee=%3Cimg%20src%3Dx%3E",
      "/search?q=NEAR(a%20b)%20%22%20*%20%5E&kind=bogus&as_of=yesterday",
      "/compare?state=DE&state=zz&instrument=31995L9999",
    ];
    for (const path of cases) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: /\S/ }).first(), path).toBeVisible();
    }
    await page.goto("/measures?page_size=100000");
    await expect(page.getByRole("alert").filter({ hasText: "could not be used" })).toContainText("showing 100 rows per page");
    for (const path of ["/measures/%3Cscript%3E", "/provisions/abc", "/provisions/99999999", "/obligations/NOT_A_KEY"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});
