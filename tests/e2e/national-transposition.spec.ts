import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expectNoSeriousAxeViolations } from "./accessibility";

test.describe("a researcher asking who was late with the e-signatures directive", () => {
  test("opens its national transposition from the instrument page, sorts by delay and downloads exactly that table", async ({ page, request }) => {
    await page.goto("/instruments/31999L0093?as_of=2003-01-01");
    await page.getByRole("link", { name: /National transposition: deadlines, notifications and delays/ }).click();
    await expect(page).toHaveURL(/\/instruments\/31999L0093\/transposition\?as_of=2003-01-01$/);
    const table = page.getByRole("table", { name: "National transposition of 1999/93/EC as of 2003-01-01" });
    await expect(table.getByRole("row")).toHaveCount(16); // header + EU-15
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("link", { name: "longest delay first" }).click();
    await expect(page).toHaveURL(/sort=delay/);
    const delays = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.querySelectorAll("td")[3]!.textContent ?? ""));
    // Rows with a delay come first, longest first.
    const months = delays.map((t) => Number(/([\d.]+) months/.exec(t)?.[1] ?? "NaN")).filter((n) => !Number.isNaN(n));
    expect(months.length).toBeGreaterThan(0);
    expect(months).toEqual([...months].sort((a, b) => b - a));

    const csvHref = await page.getByRole("link", { name: "This table as CSV" }).getAttribute("href");
    const res = await request.get(csvHref!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    const records = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const names = await table.locator("tbody th").evaluateAll((cells) => cells.map((c) => /\((\w\w)\)$/.exec(c.textContent ?? "")![1]));
    expect(records.map((r) => r.state)).toEqual(names);
    expect(Object.keys(records[0]!)).toContain("delay_days");
  });

  test("the CSV route refuses unknown parameters and CELEX numbers", async ({ request }) => {
    expect((await request.get("/api/v1/national-transposition/31999L0093.csv?colour=red")).status()).toBe(400);
    expect((await request.get("/api/v1/national-transposition/31999L9999.csv")).status()).toBe(404);
    expect((await request.get("/api/v1/national-transposition/nonsense")).status()).toBe(404);
  });
});

test.describe("signals that agree", () => {
  test("an undated notification dated from its principal measure reads the same on the Member State page, the instrument page and the national transposition", async ({
    page,
  }) => {
    // France's notification of 95/46/EC has no recorded date; the Scoreboard counts it from loi n° 2004-801 (adopted 2004-08-06).
    const inferred = /counts as transposed from 2004-08-06 \(date inferred from the principal measure's adoption\)/;
    await page.goto("/member-states/FR?as_of=2005-01-01");
    await expect(page.getByRole("table", { name: /Instruments of France/ }).getByRole("row", { name: /95\/46\/EC/ })).toContainText(inferred);
    await page.goto("/instruments/31995L0046?as_of=2005-01-01");
    await expect(page.getByRole("table", { name: "Notifications by Member State" }).getByRole("row", { name: /France/ })).toContainText(inferred);
    await page.goto("/instruments/31995L0046/transposition?as_of=2005-01-01");
    const france = page.getByRole("table", { name: /National transposition of 95\/46\/EC/ }).getByRole("row", { name: /France/ });
    await expect(france).toContainText("2004-08-06");
    await expect(france).toContainText("date inferred from the principal measure's adoption");
  });

  test("the instrument's own EUR-Lex page is named as its primary source, and the record carries the verification", async ({ page }) => {
    await page.goto("/instruments/32022L2555");
    const source = page.locator("dt", { hasText: /^Source$/ }).locator("xpath=following-sibling::dd[1]");
    await expect(source).toContainText("primary source (official journal)");
    await expect(source.getByRole("link", { name: "EUR-Lex, the act's own page" })).toHaveAttribute(
      "href",
      "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022L2555",
    );
    await expect(source).not.toContainText("Unverified");
    const verification = page.locator("dt", { hasText: /^Verification$/ }).locator("xpath=following-sibling::dd[1]");
    await expect(verification).toContainText(/Verified|Unverified/);
    await expectNoSeriousAxeViolations(page);
  });
});
