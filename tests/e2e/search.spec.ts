import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";

test.describe("a researcher searching in her own words", () => {
  test("types “données personnelles” and finds the French act on “données à caractère personnel”, with why it matched", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Search measures, provisions and obligations" }).fill("données personnelles");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=donn/);

    const result = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /Loi n° 2004-801 du 6 août 2004/ }) });
    await expect(result).toBeVisible();
    await expect(result.getByRole("link")).toContainText("données à caractère personnel");
    // The stem form is highlighted, not only the typed words.
    await expect(result.locator("mark")).toHaveText(["données", "personnel"]);
    await expect(result.getByText(/^Matched:/)).toHaveText("Matched: données (as typed), personnel (a form of “personnelles”)");
    // Belgium and Luxembourg say it the same way.
    await expect(page.getByRole("link", { name: /Loi du 30 juillet 2018 relative à la protection des personnes physiques/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /Loi du 1er août 2018 portant organisation de la Commission nationale/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await result.getByRole("link").click();
    await expect(page).toHaveURL(/\/measures\/fr-loi-2004-801/);
  });
});
