import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO, signIn } from "./session";

// Unique per run: the story's database is shared by the specs running in parallel, and an edition's name is never reused.
const NAME = `2001-E${Date.now().toString(36).slice(-6)}`;

test.describe("an editor publishing an edition, and a reader following the changes", () => {
  test("publishes an edition, finds it listed and citable, views the dashboard as of it and counts the change from it", async ({ page }) => {
    await signIn(page, DEMO.editor, "/editions");
    await page.goto("/editions");
    await expect(page.getByRole("heading", { name: "Editions", level: 1 })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    // A bad name is refused at its field.
    await page.getByLabel("Name").fill("second half of 2001");
    await page.getByLabel("Reporting date").fill("2001-06-30");
    await page.getByRole("button", { name: "Publish edition" }).click();
    await expect(page.getByText(/Use a year, then parts of letters and digits/)).toBeVisible();

    await page.getByLabel("Name").fill(NAME);
    await page.getByLabel("Reporting date").fill("2001-06-30");
    await page.getByRole("button", { name: "Publish edition" }).click();
    await expect(page).toHaveURL(new RegExp(`/editions/${NAME}\\?notice=published$`));
    await expect(page.getByRole("status")).toContainText(`Edition ${NAME} was published (dataset version v`);
    const citation = page.locator(".citation");
    await expect(citation).toContainText(`edition ${NAME} (reporting date 2001-06-30; dataset version v`);
    await expect(citation).toContainText(`/editions/${NAME}`);
    await expect(
      page.getByRole("table", { name: `Headline figures per Member State frozen by edition ${NAME}` }).getByRole("row", { name: /France/ }),
    ).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.goto("/editions");
    await expect(page.getByRole("row", { name: new RegExp(NAME) })).toContainText("2001-06-30");

    // The dashboard as of the edition: a banner says so, and links back to the live inventory.
    await page
      .getByRole("row", { name: new RegExp(NAME) })
      .getByRole("link", { name: `Dashboard as of ${NAME}` })
      .click();
    await expect(page).toHaveURL(new RegExp(`edition=${NAME}`));
    const banner = page.getByRole("region", { name: "Editions" });
    await expect(banner).toContainText(`Viewing edition ${NAME} (reporting date 2001-06-30`);
    await expect(page.getByRole("heading", { name: "As of 2001-06-30", exact: true })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    // The main navigation stays in the edition.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Member States" })).toHaveAttribute(
      "href",
      new RegExp(`edition=${NAME}`),
    );
    await banner.getByRole("link", { name: "Back to the live inventory" }).click();
    await expect(page).not.toHaveURL(/edition=/);
    await expect(page.getByRole("region", { name: "Editions" })).toHaveCount(0);

    // Six months later, the change since the previous reporting date counts from the edition.
    await page.goto("/?as_of=2001-12-31");
    await expect(
      page.getByRole("table", { name: /Scoreboard-style traffic lights/ }).getByRole("link", { name: `since edition ${NAME} (2001-06-30)` }),
    ).toBeVisible({
      timeout: 30_000,
    });

    // An edit sent while viewing an edition is refused.
    await page.goto(`/editions?edition=${NAME}`);
    await page.getByLabel("Name").fill(`${NAME}-x`);
    await page.getByLabel("Reporting date").fill("2001-06-30");
    await page.getByRole("button", { name: "Publish edition" }).click();
    await expect(page.getByText(`You are viewing edition ${NAME}, which is frozen: nothing was saved.`)).toBeVisible();
  });

  test("opens the feed of changes from the dashboard and the changes page since a date", async ({ page, request }) => {
    await page.goto("/");
    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    // Absolute since the i18n layout's metadataBase (NEXTAUTH_URL), which also makes the hreflang links absolute.
    await expect(alternate).toHaveAttribute("href", /^(https?:\/\/[^/]+)?\/feeds\/changes\.atom$/);
    const feed = await request.get("/feeds/changes.atom");
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const xml = await feed.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).not.toMatch(/@example\.eu/);
    await page.goto("/member-states/FR");
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      "href",
      /^(https?:\/\/[^/]+)?\/feeds\/changes\.atom\?state=FR$/,
    );
    await page.goto("/instruments/31995L0046");
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      "href",
      /^(https?:\/\/[^/]+)?\/feeds\/changes\.atom\?instrument=31995L0046$/,
    );
    const stateFeed = await request.get("/feeds/changes.atom?state=FR");
    expect(await stateFeed.text()).toContain('<title type="text">NIS Measures Inventory: changes for France</title>');

    await page.goto("/changes");
    await expect(page.getByRole("heading", { name: "Changes", level: 1 })).toBeVisible();
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel("Changes since").fill(today);
    await page.getByLabel("Member State").selectOption("FR");
    await page.getByRole("button", { name: "Show changes" }).click();
    await expect(page).toHaveURL(new RegExp(`since=${today}&state=FR`));
    await expect(page.getByRole("heading", { name: "Changes for France", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 }).first()).toContainText(/France|fr-|\(FR\)|Loi|loi|Décret|décret|Ordonnance/);
    await expect(page.getByRole("link", { name: "Atom feed of these changes" })).toHaveAttribute(
      "href",
      /^(https?:\/\/[^/]+)?\/feeds\/changes\.atom\?state=FR$/,
    );
    await expect(page.getByText(/@example\.eu/)).toHaveCount(0);
    // A new record's fields are folded under its heading, and open on demand.
    const folded = page.getByText(/^Its \d+ public fields$/).first();
    await expect(page.getByRole("columnheader", { name: "Field" }).first()).toBeHidden();
    await folded.click();
    await expect(page.getByRole("columnheader", { name: "Field" }).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.goto("/changes?since=2100-01-01");
    await expect(page.getByText("No change to the public records since 2100-01-01.")).toBeVisible();
    const bad = await page.goto("/changes?since=2026-13-45&state=France");
    expect(bad?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "Some filters could not be read" })).toContainText("since must be a date written YYYY-MM-DD");
    await expectNoSeriousAxeViolations(page);
  });
});
