import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO, signIn } from "./session";

const scoreboard = (page: import("@playwright/test").Page) => page.getByRole("table", { name: /Scoreboard-style traffic lights/ });

test.describe("a researcher following the line of law to today", () => {
  test("opens the dashboard on today's instruments in force, with NIS2 among them and figures for every state", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: /As of \d{4}-\d{2}-\d{2} \(today\)/ })).toBeVisible();
    await expect(page.getByText(/No instrument of the inventory is in force on/)).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "Instruments", exact: true })).toHaveValue("in-force");
    const shown = page.locator(".collection-control");
    await expect(shown.getByRole("link", { name: "2022/2555 (NIS2)" })).toBeVisible();
    await expect(shown.getByRole("link", { name: "95/46/EC" })).toHaveCount(0);
    // Twenty-seven rows, each rated: France has no NIS2 act and is red; the figures count NIS2.
    await expect(
      scoreboard(page)
        .getByRole("row", { name: /France/ })
        .getByRole("cell")
        .first(),
    ).toContainText("Red (poor)");
    await expect(page.getByRole("list", { name: "Headline figures" }).getByText(/Member States on this date/)).toContainText("27");
    await expectNoSeriousAxeViolations(page);
  });

  test("reaches the 2001 view in one click and comes back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /The 2001 view/ }).click();
    await expect(page).toHaveURL(/as_of=2001-06-06/);
    await expect(page).toHaveURL(/collection=com-2001-298/);
    await expect(page.getByRole("heading", { name: "As of 2001-06-06", exact: true })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Instruments", exact: true })).toHaveValue("com-2001-298");
    await expect(page.locator(".collection-control").getByText(/^6 instruments/)).toBeVisible();
    await expect(scoreboard(page).getByRole("row", { name: /Luxembourg/ })).toBeVisible();
    await page.getByRole("link", { name: /Back to today's instruments in force/ }).click();
    await expect(page.getByRole("heading", { name: /\(today\)/ })).toBeVisible();
  });

  test("follows 97/66/EC to 2002/58/EC on the lineage and opens a state's NIS2 record", async ({ page }) => {
    await page.goto("/lineage");
    await expectNoSeriousAxeViolations(page);
    const eprivacy = page.getByRole("region", { name: "E-privacy" });
    const item = eprivacy
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "97/66/EC", exact: true }) })
      .first();
    await expect(item).toContainText("Repealed by 2002/58/EC from 2003-10-31");
    await item.getByRole("link", { name: "2002/58/EC", exact: true }).click();
    await expect(page).toHaveURL(/\/instruments\/32002L0058$/);
    const line = page.getByRole("region", { name: "Line of law" });
    await expect(line.getByRole("link", { name: "97/66/EC" })).toBeVisible();
    await expect(line.locator('[aria-current="true"] > strong')).toHaveText("2002/58/EC");
    await expect(line).toContainText("Amended by 2009/136/EC");

    await page.goto("/member-states/FR/instruments/32022L2555");
    await expect(page.getByText("No transposition notified")).toBeVisible();
    await expect(page.getByText(/status as of \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await page.goto("/member-states/IT/instruments/32022L2555");
    await expect(page.getByRole("link", { name: /138/ }).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("sees which regulations a state implemented on its page", async ({ page }) => {
    await page.goto("/member-states/AT");
    const regulations = page.getByRole("region", { name: "Directly applicable regulations" });
    await expect(regulations.getByRole("link", { name: "2016/679 (GDPR)" })).toBeVisible();
    await expect(regulations).toContainText("Datenschutz-Anpassungsgesetz 2018");
  });
});

test.describe("the security provisions of the 2001 instruments, article by article", () => {
  test("the gap matrix for 95/46/EC shows Art. 17 assessed for the fifteen states", async ({ page }) => {
    const art17 = (page: import("@playwright/test").Page) =>
      page.getByRole("link", { name: /, 95\/46\/EC Art\. 17: (Full|Partial|Not transposed|Non-conforming|Not applicable)/ });
    await page.goto("/gaps?instrument=31995L0046&as_of=2004-01-01");
    await expect(art17(page)).toHaveCount(15);
    // On 2003-01-01 Ireland's correspondence does not count yet: the Data Protection (Amendment) Act 2003, which it cites, came into force on 2003-07-01.
    await page.goto("/gaps?instrument=31995L0046&as_of=2003-01-01");
    await expect(art17(page)).toHaveCount(14);
    await expect(page.getByRole("link", { name: /^Ireland, 95\/46\/EC Art\. 17: Unknown/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe("staff keeping the lines of law", () => {
  test("an editor's relation that would make a cycle or predate adoption is refused with a clear message; a sound one is recorded and removed", async ({
    page,
  }) => {
    await signIn(page, DEMO.editor);
    await page.goto("/staff/lineage/new?instrument=32009L0136");
    await page.getByLabel("Relation").selectOption("replaced_by");
    await page.getByRole("combobox", { name: "By", exact: true }).selectOption("31997L0066");
    await page.getByRole("button", { name: /Create lineage relation/ }).click();
    await expect(page.getByText(/This would make a cycle: 2009\/136\/EC → 97\/66\/EC → 2002\/58\/EC → 2009\/136\/EC/).first()).toBeVisible();

    await page.getByLabel("Relation").selectOption("repealed_by");
    await page.getByRole("combobox", { name: "By", exact: true }).selectOption("32018L1972");
    await page.getByLabel("With effect from").fill("2009-01-01");
    await page.getByRole("button", { name: /Create lineage relation/ }).click();
    await expect(page.getByText(/before 2009\/136\/EC was adopted/).first()).toBeVisible();

    // A sound relation is recorded, shown on the instrument's line of law, and can be removed again.
    await page.goto("/staff/lineage/new?instrument=32002L0077");
    await page.getByLabel("Relation").selectOption("amended_by");
    await page.getByRole("combobox", { name: "By", exact: true }).selectOption("32009L0140");
    await page.getByLabel("Note").fill("Test relation, removed below.");
    await page.getByRole("button", { name: /Create lineage relation/ }).click();
    await expect(page.getByText(/Created/)).toBeVisible();
    await page.goto("/instruments/32002L0077");
    const line = page.getByRole("region", { name: "Line of law" });
    await expect(line).toContainText("Test relation, removed below.");
    await line.getByRole("link", { name: /Edit the relation 2002\/77\/EC Amended by 2009\/140\/EC/ }).click();
    await page.getByRole("link", { name: "delete…" }).click();
    await page.getByRole("button", { name: "Delete permanently" }).click();
    await expect(page.getByText(/Deleted/)).toBeVisible();
    await page.goto("/instruments/32002L0077");
    await expect(page.getByRole("region", { name: "Line of law" })).not.toContainText("Test relation, removed below.");
  });
});

test.describe("the 'as of' date sticks", () => {
  test("the main navigation keeps the date, and the year slider follows a jump", async ({ page }) => {
    await page.goto("/measures?as_of=2005-01-01");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Member States" }).click();
    await expect(page).toHaveURL(/\/member-states\?as_of=2005-01-01$/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("heading", { name: "As of 2005-01-01", exact: true })).toBeVisible();
    const main = page.getByRole("main");
    await main.getByLabel("Date", { exact: true }).fill("1999-06-01");
    await main.getByRole("button", { name: "Show this date" }).click();
    await expect(page.getByRole("heading", { name: "As of 1999-06-01", exact: true })).toBeVisible();
    await expect(main.getByRole("slider", { name: "Year" })).toHaveValue("1999");
    // The stepper's links navigate on the client: the slider must follow them too.
    await main.getByRole("link", { name: /Previous year \(1998-06-01\)/ }).click();
    await expect(page.getByRole("heading", { name: "As of 1998-06-01", exact: true })).toBeVisible();
    await expect(main.getByRole("slider", { name: "Year" })).toHaveValue("1998");
  });
});
