import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expectNoSeriousAxeViolations } from "./accessibility";

const scoreboard = (page: Page) => page.getByRole("table", { name: /Scoreboard-style traffic lights/ });

test.describe("a researcher reading the dashboard", () => {
  test("is told that nothing of the 2001 instruments is in force today and gets the latest meaningful date in one click", async ({ page }) => {
    await page.goto("/?collection=com-2001-298");
    await expect(page.getByRole("heading", { name: /As of \d{4}-\d{2}-\d{2} \(today\)/ })).toBeVisible();
    await expect(page.getByText(/No instrument of the collection “COM\(2001\)298 §3.6 \(2001\)” is in force on/)).toBeVisible();
    await page.getByRole("link", { name: /Show the figures as of 2018-05-24 \(the day before the last repeal\)/ }).click();
    await expect(page).toHaveURL(/[?&]as_of=2018-05-24/);
    await expect(page).toHaveURL(/collection=com-2001-298/);
    await expect(page.getByRole("heading", { name: "As of 2018-05-24", exact: true })).toBeVisible();
    await expect(page.getByText(/No instrument of the collection/)).toHaveCount(0);
    const headline = page.getByRole("list", { name: "Headline figures" });
    // Only 95/46/EC of the six was still in force the day before the GDPR applied.
    await expect(headline.getByRole("listitem").filter({ hasText: /of 6 instruments in force/ })).toHaveText(/^\s*1\s*of 6 instruments in force/);
    await expect(headline.getByText(/transpositions dated by inference/)).toBeVisible();
    const table = scoreboard(page);
    await expect(
      table
        .getByRole("row", { name: /Germany/ })
        .getByText("Green (good)")
        .first(),
    ).toBeVisible();
    await expect(page.getByText("Scoreboard-style, not official", { exact: false }).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("sees the figures change when stepping to the next year", async ({ page }) => {
    await page.goto("/?as_of=2002-06-01");
    const lu = scoreboard(page).getByRole("row", { name: /Luxembourg/ });
    // 95/46 (in force 2002-12-01) and 97/66 missing of 3 known: 66.7%.
    await expect(lu.getByRole("cell").first()).toContainText("66.7%");
    await expect(lu.getByRole("cell").first()).toContainText("Red (poor)");
    await page.getByRole("link", { name: /Next year \(2003-06-01\)/ }).click();
    await expect(page).toHaveURL(/as_of=2003-06-01/);
    await expect(
      scoreboard(page)
        .getByRole("row", { name: /Luxembourg/ })
        .getByRole("cell")
        .first(),
    ).toContainText("33.3%");
    await page.getByRole("link", { name: /Previous year \(2002-06-01\)/ }).click();
    await expect(page).toHaveURL(/as_of=2002-06-01/);
    // The date form works without JavaScript too.
    const main = page.getByRole("main");
    await main.getByLabel("Date", { exact: true }).fill("1999-06-01");
    await main.getByRole("button", { name: "Show this date" }).click();
    await expect(page).toHaveURL(/as_of=1999-06-01/);
    await expect(page.getByRole("heading", { name: "As of 1999-06-01", exact: true })).toBeVisible();
  });

  test("reaches a state's page from the map with the keyboard, and recolours the map", async ({ page }) => {
    await page.goto("/?as_of=2002-06-01");
    const map = page.getByRole("group", { name: /Map of Europe: Transposition deficit/ });
    await expect(map.getByRole("link")).toHaveCount(28);
    const germany = map.getByRole("link", { name: "Germany (DE): Transposition deficit 0.0%" });
    await expect(map.getByRole("link", { name: /Poland \(PL\): not a member on 2002-06-01/ })).toHaveCount(1);
    await expect(map.getByRole("link", { name: /Malta \(MT\)/ })).toHaveCount(1);
    await germany.focus();
    await expect(germany).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/member-states\/DE\?as_of=2002-06-01$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Germany (DE)");

    await page.goto("/?as_of=2002-06-01");
    await page.getByLabel("Colour the map by").selectOption("coverage");
    await page.getByRole("button", { name: "Recolour the map" }).click();
    await expect(page).toHaveURL(/map=coverage/);
    await expect(
      page.getByRole("group", { name: /Map of Europe: Provision coverage/ }).getByRole("link", { name: /Germany \(DE\): Provision coverage 100\.0%/ }),
    ).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("can move the year slider to watch the map change", async ({ page }) => {
    await page.goto("/?as_of=2002-06-01");
    const slider = page.getByRole("main").getByRole("slider", { name: "Year" });
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(/as_of=2003-06-01/);
    await expect(page.getByRole("group", { name: /Map of Europe: Transposition deficit by Member State, as of 2003-06-01/ })).toBeVisible();
  });

  test("gets a visible message, not an error, for bad parameters", async ({ page }) => {
    const response = await page.goto("/?as_of=2002-13-45&map=nonsense");
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert").filter({ hasText: "could not be used" });
    await expect(alert).toContainText('The "as of" date must be a date written YYYY-MM-DD');
    await expect(alert).toContainText('"map" must be one of');
    await expect(page.getByRole("group", { name: /Map of Europe: Transposition deficit/ })).toBeVisible();
  });
});

test.describe("the map tells the truth", () => {
  test("each legend swatch is small and beside its own label, the colours agree with the ratings, and focus moves through the states by name", async ({
    page,
  }) => {
    await page.goto("/");
    const legend = page.getByRole("list", { name: "Legend" });
    const items = legend.getByRole("listitem");
    expect(await items.count()).toBeGreaterThan(2);
    for (let i = 0; i < (await items.count()); i++) {
      const swatch = (await items.nth(i).locator("svg").boundingBox())!;
      const item = (await items.nth(i).boundingBox())!;
      expect(swatch.height).toBeLessThanOrEqual(20);
      // The label's line and its swatch share a centre line, within a few pixels.
      expect(Math.abs(swatch.y + swatch.height / 2 - (item.y + item.height / 2))).toBeLessThan(6);
    }
    // A state rated red in the table is never in the lightest (target met) class of the map.
    const map = page.getByRole("group", { name: /Map of Europe: Transposition deficit/ });
    const rows = page.getByRole("table", { name: /Scoreboard-style traffic lights/ }).getByRole("row");
    const firstLegendColour = await legend.getByRole("listitem").first().locator("rect").getAttribute("fill");
    for (const name of ["France", "Spain", "Ireland"]) {
      const rated = await rows.filter({ hasText: name }).first().getByRole("cell").first().innerText();
      const fill = await map
        .getByRole("link", { name: new RegExp(`^${name} \\(`) })
        .locator("path")
        .getAttribute("fill");
      if (/Red \(poor\)/.test(rated)) expect(fill, name).not.toBe(firstLegendColour);
      if (/Green \(good\)/.test(rated)) expect(fill, name).toBe(firstLegendColour);
    }
    const names = await map.getByRole("link").evaluateAll((links) => links.map((l) => l.getAttribute("aria-label")!.split(" (")[0]!));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });
});

test.describe("a researcher reading the gap matrix", () => {
  test("opens the correspondence behind a cell", async ({ page }) => {
    await page.goto("/gaps?instrument=31995L0046&as_of=2005-01-01");
    await expect(page.getByRole("heading", { name: /95\/46\/EC: Member States × provisions/ })).toBeVisible();
    const matrix = page.getByRole("table", { name: /95\/46\/EC: Member States × provisions/ });
    const cell = matrix.getByRole("link", { name: /^Germany, 95\/46\/EC Art\. 17: Full\. National provision: § 9 BDSG/ });
    await expect(cell).toBeVisible();
    await expect(matrix.getByRole("link", { name: /^Germany, 95\/46\/EC Art\. 2: (Not assessed|Unknown)/ })).toBeVisible();
    await cell.click();
    await expect(page).toHaveURL(/\/provisions\/\d+\?state=DE&as_of=2005-01-01$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("17");
  });

  test("sorts by gap and switches to obligations and security properties", async ({ page }) => {
    await page.goto("/gaps?instrument=31995L0046");
    await page.getByRole("link", { name: "largest gap first" }).first().click();
    await expect(page).toHaveURL(/sort_rows=gap/);
    await expect(page.getByRole("strong").filter({ hasText: "largest gap first" }).first()).toBeVisible();
    await page.getByRole("link", { name: "States × obligations" }).click();
    await expect(page).toHaveURL(/view=obligations/);
    await expect(
      page
        .getByRole("table", { name: /Member States × obligations/ })
        .getByRole("link", { name: /^Germany, .*full \(1 of 1 assessed/ })
        .first(),
    ).toBeVisible();
    await page.getByRole("link", { name: "States × security properties" }).click();
    const properties = page.getByRole("table", { name: /Member States × security properties/ });
    await expect(properties.getByRole("columnheader", { name: /Confidentiality/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe("a researcher reading the charts", () => {
  test("each chart renders and its CSV equals its data table", async ({ page }) => {
    await page.goto("/charts?as_of=2002-06-01&instrument=31995L0046");
    const titles = [
      /Transposition deficit per Member State/,
      /Member States that transposed 95\/46\/EC/,
      /Distribution of transposition delay/,
      /Provision coverage by security property/,
    ];
    for (const title of titles) {
      const section = page.getByRole("region", { name: title });
      await expect(section).toBeVisible();
      await expect(section.locator(".recharts-wrapper")).toBeVisible();
      await expect(section.locator(".recharts-legend-wrapper")).toBeVisible();
      await section.getByText("Data table").click();
      const table = section.getByRole("table");
      const header = await table.locator("thead th").allInnerTexts();
      const body = await table
        .locator("tbody tr")
        .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
      expect(body.length).toBeGreaterThan(0);
      const href = await section.getByRole("link", { name: /Download CSV/ }).getAttribute("href");
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("text/csv");
      expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="chart_[a-z]+_.*\.csv"$/);
      const csv = parse(await response.text()) as string[][];
      expect(csv[0]).toEqual(header.map((h) => h.trim()));
      expect(csv.slice(1)).toEqual(body);
    }
    await expect(
      page
        .getByRole("region", { name: /Transposition deficit per Member State/ })
        .getByText(/1% \(European Council, March 2007\)/)
        .first(),
    ).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("the CSV route refuses an unknown chart or a bad date with a 400", async ({ request }) => {
    expect((await request.get("/api/v1/charts/nonsense")).status()).toBe(404);
    expect((await request.get("/api/v1/charts/deficit?as_of=yesterday")).status()).toBe(400);
    expect((await request.get("/api/v1/charts/timeline?instrument=31995L9999")).status()).toBe(400);
  });
});
