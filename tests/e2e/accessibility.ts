import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.1 AA rules; the page must have no serious or critical violation. */
export async function expectNoSeriousAxeViolations(page: Page) {
  // After a client-side navigation Next streams the new page's metadata: for a moment the old title is gone and the new
  // one not yet in (a CI run caught axe in that moment). Check the page the reader settles on; a page that never gets a
  // title still fails here.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
