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
