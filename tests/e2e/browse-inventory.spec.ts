import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";

test.describe("a researcher new to the inventory", () => {
  test("sees on the overview what the inventory holds", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Inventory of national measures/);
    await page.getByText(/^Show the 19 instruments/).click();
    await page.getByText(/^Show the 28 Member States/).click();
    const instruments = page.getByRole("table", { name: "Instruments" });
    await expect(instruments.getByRole("row")).toHaveCount(20); // header + the 2001 six and their 13 successors
    await expect(instruments.getByRole("rowheader", { name: "95/46/EC" })).toBeVisible();
    const states = page.getByRole("table", { name: "Member States" });
    await expect(states.getByRole("row")).toHaveCount(29);
    await expect(states.getByRole("rowheader", { name: /United Kingdom \(left 2020-01-31\)/ })).toBeVisible();
    await expect(page.getByText(/Last updated: \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("opens Directive 95/46/EC and reads Article 17 with its obligations", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "95/46/EC" }).first().click();
    await expect(page).toHaveURL(/\/instruments\/31995L0046$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("95/46/EC");
    await expect(page.getByRole("link", { name: /31995L0046 on EUR-Lex/ })).toHaveAttribute(
      "href",
      "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:31995L0046",
    );
    await expect(page.getByRole("heading", { name: "Articles (34)" })).toBeVisible();
    const art17 = page.getByRole("region", { name: "Article 17 — Security of processing" });
    await expect(art17).toBeVisible();
    await expect(art17.getByText(/technical and organi[sz]ational measures/i).first()).toBeVisible();
    await expect(art17.getByText("Confidentiality").first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Notifications by Member State" }).getByRole("rowheader", { name: /Luxembourg/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("reads Germany's national measures with their dates, status and source", async ({ page }) => {
    // Germany has records for more instruments than its page shows inline: each has its own page, article by article.
    // As of 2005, while the BDSG 2001 applied (it was replaced on 2018-05-25).
    await page.goto("/member-states/DE/instruments/31995L0046?as_of=2005-01-01");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Germany (DE): 95/46/EC");
    const bdsg = page.getByRole("row", { name: /Gesetz zur Änderung des Bundesdatenschutzgesetzes/ });
    await expect(bdsg).toBeVisible();
    await expect(bdsg.getByRole("cell").filter({ hasText: "2001-05-18" })).toBeVisible();
    await expect(bdsg.getByText(/Source:/)).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    // The Signaturgesetz was repealed in 2017: it shows as the inventory stood while it applied.
    await page.goto("/member-states/DE/instruments/31999L0093?as_of=2005-01-01");
    await expect(page.getByText("Gesetz über Rahmenbedingungen für elektronische Signaturen (Signaturgesetz – SigG)")).toBeVisible();
  });

  test("sees at a glance where Germany stands on each instrument and opens one article by article", async ({ page }) => {
    await page.goto("/member-states/DE?as_of=2005-01-01");
    const glance = page.getByRole("table", { name: /Instruments of Germany/ });
    const dataProtection = glance.getByRole("row", { name: /95\/46\/EC/ });
    await expect(dataProtection.getByRole("rowheader")).toHaveText("95/46/EC");
    await expectNoSeriousAxeViolations(page);
    await dataProtection.getByRole("link", { name: "Article by article for 95/46/EC" }).click();
    await expect(page).toHaveURL(/\/member-states\/DE\/instruments\/31995L0046\?as_of=2005-01-01$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Germany (DE): 95/46/EC");
    await expect(page.getByText(/As of 2005-01-01\./)).toBeVisible();
    // The correspondence table is open on its own page.
    await expect(page.getByRole("table", { name: "Correspondence of Germany for 95/46/EC" }).getByRole("rowheader", { name: /Art\. 17/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /Gesetz zur Änderung des Bundesdatenschutzgesetzes/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("link", { name: "These correspondences as a table" }).click();
    await expect(page).toHaveURL(/\/transpositions\?state=DE&instrument=31995L0046&as_of=2005-01-01$/);
  });

  test("finds Luxembourg's Court judgment C-450/00 and Greece's measures in Greek", async ({ page }) => {
    await page.goto("/member-states/LU");
    await expect(page.getByRole("cell", { name: /C-450\/00/ })).toBeVisible();
    await page.goto("/member-states/EL");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Greece (EL)");
    const greek = page.getByText(/Νόμος 2472\/1997/);
    await expect(greek).toBeVisible();
    await expect(page.locator('[lang="el"]').first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("sees an honest empty state for a state with no recorded measures", async ({ page }) => {
    // Croatia's first records are for instruments adopted after 2001.
    await page.goto("/member-states/HR?as_of=2001-01-01");
    await expect(page.getByText(/No national measures are recorded for Croatia yet/)).toBeVisible();
  });

  test("gets a 404 page for an unknown state or CELEX", async ({ page }) => {
    for (const path of ["/member-states/XX", "/member-states/de", "/instruments/31995L9999", "/instruments/<script>"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
  });

  test("can work the pages with the keyboard alone", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
    // Tab from the content start reaches the first instrument link; Enter follows it.
    await page.keyboard.press("Tab");
    // The overview's introduction links the lines of law first, then names the instruments.
    await expect(page.getByRole("main").getByRole("link", { name: "lines of law", exact: true })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "90/388/EEC" }).first()).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/instruments\/31990L0388$/);
  });
});

test.describe("the lists as the inventory stood on a date", () => {
  test("the Member States and instruments lists follow the as-of date", async ({ page }) => {
    await page.goto("/member-states?as_of=1990-06-30");
    await expect(page.getByText("12 of the 28 states were members then.")).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "Austria" })).toHaveCount(0);
    await expect(page.getByRole("rowheader", { name: "Greece" })).toHaveAttribute("scope", "row");
    await page.goto("/instruments?as_of=1997-01-01");
    await expect(page.getByText("2 of the 19 instruments had been adopted by then.")).toBeVisible();
    await expect(page.getByRole("link", { name: "95/46/EC" })).toHaveAttribute("href", "/instruments/31995L0046?as_of=1997-01-01");
    await expect(page.getByRole("link", { name: "1999/93/EC" })).toHaveCount(0);
  });
});

test.describe("printing", () => {
  test("a page prints without the site's navigation and its tables do not scroll", async ({ page }) => {
    await page.goto("/instruments/31999L0093/transposition?as_of=2003-01-01");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("table")).toBeVisible();
    const overflow = await page
      .locator(".table-scroll")
      .first()
      .evaluate((el) => getComputedStyle(el).overflowX);
    expect(overflow).toBe("visible");
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the main navigation folds behind Menu, and the page is no wider than the screen", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await nav.getByRole("link", { name: "Lines of law" }).click();
    await expect(page).toHaveURL(/\/lineage$/);
    for (const path of [
      "/",
      "/lineage",
      "/member-states/FR",
      "/instruments/32022L2555",
      "/instruments/31999L0093/transposition",
      "/transpositions",
      "/provisions",
      "/data",
      "/api",
    ]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
  });

  test("the dashboard stays a few screens tall: one line per state in the Scoreboard, figures two by two", async ({ page }) => {
    await page.goto("/");
    // It was 11,239 px: every Scoreboard row wrapped its note over four lines, and the reference tables ran two screens more.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(8000);
    const rows = page.getByRole("table", { name: /Scoreboard-style traffic lights/ }).getByRole("row");
    await expect(rows).toHaveCount(28); // the header and the 27 Member States of today
    for (const i of [1, 14, 27]) expect((await rows.nth(i).boundingBox())!.height).toBeLessThan(80);
    const cards = page.getByRole("list", { name: "Headline figures" }).getByRole("listitem");
    const [first, second] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
    expect(Math.abs(first!.y - second!.y)).toBeLessThan(2);
    await expect(page.getByRole("table", { name: "Instruments" })).toBeHidden();
    await page.getByText(/^Show the 19 instruments/).click();
    await expect(page.getByRole("table", { name: "Instruments" })).toBeVisible();
  });
});
