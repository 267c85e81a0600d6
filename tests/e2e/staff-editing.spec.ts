import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO, signIn } from "./session";

/** Opens the staff edit page of a measure found on its Member State's page for the instrument. */
async function measureEditUrl(page: Page, state: string, title: RegExp, celex = "31995L0046"): Promise<string> {
  // As of 2010, while the 2001 instruments' national measures applied (most were repealed in 2018).
  await page.goto(`/member-states/${state}/instruments/${celex}?as_of=2010-01-01`);
  const href = await page.getByRole("row", { name: title }).first().getByRole("link", { name: /Edit/ }).getAttribute("href");
  expect(href).toMatch(/^\/staff\/measures\/\d+$/);
  return href!;
}

test.describe("Commission staff editing the inventory", () => {
  test("an editor corrects a measure, sees it saved and finds the change in its history", async ({ page }) => {
    await signIn(page, DEMO.editor);
    const edit = await measureEditUrl(page, "AT", /Datenschutzgesetz 2000/);
    await page.goto(edit);
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel("Note").fill("Checked against the RIS consolidated text.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved. The change is recorded in the history.")).toBeVisible();
    await page.getByRole("link", { name: "history" }).click();
    await expect(page.getByRole("heading", { name: /^Updated → version \d/ }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "Checked against the RIS consolidated text." }).first()).toBeVisible();

    // A second correction of one word shows that word changed, not the whole note twice.
    await page.goto(edit);
    await page.getByLabel("Note").fill("Checked against the RIS official text.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved. The change is recorded in the history.")).toBeVisible();
    await page.getByRole("link", { name: "history" }).click();
    const newest = page.locator("ol.history > li").first();
    await expect(newest.locator("del")).toHaveText(["consolidated"]);
    await expect(newest.locator("ins")).toHaveText(["official"]);
  });

  test("bad input gets field messages and nothing is saved", async ({ page }) => {
    await signIn(page, DEMO.editor);
    await page.goto(await measureEditUrl(page, "AT", /Datenschutzgesetz 2000/));
    await page.getByLabel("Adopted on").fill("31.12.1999");
    await page.getByLabel("Official URL").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Some fields need attention.")).toBeVisible();
    await expect(page.getByLabel("Adopted on")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Use YYYY-MM-DD (or DD/MM/YYYY), or YYYY-MM or YYYY when the source gives only a month or a year.")).toBeVisible();
    await expect(page.getByText("Use a full http:// or https:// address.")).toBeVisible();
    // The user's input is still there to correct.
    await expect(page.getByLabel("Adopted on")).toHaveValue("31.12.1999");
  });

  test("two editors save the same record: one wins, the other sees what changed and can re-apply", async ({ browser }) => {
    const [alice, bob] = await Promise.all([browser.newPage(), browser.newPage()]);
    await signIn(alice, DEMO.editor);
    await signIn(bob, DEMO.admin);
    const edit = await measureEditUrl(alice, "SE", /Personuppgiftslag/);
    await Promise.all([alice.goto(edit), bob.goto(edit)]);
    await alice.getByLabel("Note").fill("Alice's note");
    await bob.getByLabel("Note").fill("Bob's note");
    await alice.getByRole("button", { name: "Save changes" }).click();
    await expect(alice.getByText("Saved.")).toBeVisible();
    await bob.getByRole("button", { name: "Save changes" }).click();
    await expect(bob.getByText("Someone else changed this record while you were editing it.")).toBeVisible();
    const conflict = bob.getByRole("region", { name: "Changed by someone else" });
    await expect(conflict.getByRole("row", { name: /Note Alice's note Bob's note/ })).toBeVisible();
    await bob.getByRole("button", { name: "Save changes over their changes" }).click();
    await expect(bob.getByText("Saved.")).toBeVisible();
    await expect(bob.getByLabel("Note")).toHaveValue("Bob's note");
  });

  test("deleting asks for confirmation, and the deleted record can be restored from its history", async ({ page }) => {
    await signIn(page, DEMO.editor);
    await page.goto("/staff/measures/new?state=MT");
    await page.getByLabel("Key").fill("mt-e2e-temporary-act");
    await page.getByLabel("Title in the original language").fill("Att temporanju għat-test");
    await page.getByLabel("Language (ISO 639-1)").fill("mt");
    await page.getByLabel("95/46/EC (31995L0046)").check();
    await page.getByRole("button", { name: "Create national measure" }).click();
    await expect(page.getByText("Created.")).toBeVisible();
    await page.getByRole("link", { name: "delete…" }).click();
    await expect(page.getByRole("heading", { name: "Delete this national measure?" })).toBeVisible();
    await page.getByLabel("Reason for deleting").fill("created by the end-to-end test");
    await page.getByRole("button", { name: "Delete permanently" }).click();
    await expect(page.getByText("Deleted. The record as it was is kept in the audit trail.")).toBeVisible();

    // The audit trail is filtered with pickers and names the record by its title.
    await page.goto("/staff/audit");
    await page.getByLabel("Record type").selectOption({ label: "national measure" });
    await page.getByLabel("Action").selectOption({ label: "Deleted" });
    await page.getByLabel("Who").selectOption("editor@example.eu");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/entity=national_measure&actor=editor%40example\.eu&action=delete/);
    await expectNoSeriousAxeViolations(page);
    await page
      .getByRole("link", { name: /^Att temporanju għat-test \(mt-e2e-temporary-act\) \(national measure \d+\)$/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("History of Att temporanju għat-test (mt-e2e-temporary-act)");
    await expect(page.getByText("The record has been deleted")).toBeVisible();

    // Restoring asks first, shows what comes back, and wants a reason.
    await page
      .getByRole("link", { name: /Restore this version…/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { name: "Restore this version?" })).toBeVisible();
    await expect(page.getByRole("table", { name: "What changes" }).getByRole("row", { name: /Title in the original language/ })).toContainText(
      "Att temporanju għat-test",
    );
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("button", { name: "Restore this version" }).click();
    await expect(page.getByText("Say why this version is restored")).toBeVisible();
    await page.goto("/member-states/MT");
    await expect(page.getByText("Att temporanju għat-test")).toHaveCount(0);
    await page.goBack();
    await page.getByLabel("Reason for restoring").fill("deleted by mistake in the end-to-end test");
    await page.getByRole("button", { name: "Restore this version" }).click();
    await expect(page.getByText("Restored. The restore is itself recorded below.")).toBeVisible();
    await expect(page.getByText("Reason: deleted by mistake in the end-to-end test (restored the version recorded by audit event")).toBeVisible();
    await page.goto("/member-states/MT");
    await expect(page.getByText("Att temporanju għat-test")).toBeVisible();
  });
});

test.describe("a record's history", () => {
  test("shows staff who acted, and a researcher only that Commission staff did", async ({ browser }) => {
    const editor = await (await browser.newContext()).newPage();
    await signIn(editor, DEMO.editor);
    await editor.goto("/staff/measures/new?state=MT");
    await editor.getByLabel("Key").fill(`mt-e2e-history-${Date.now()}`);
    await editor.getByLabel("Title in the original language").fill("Att għat-test tal-istorja");
    await editor.getByLabel("Language (ISO 639-1)").fill("mt");
    await editor.getByLabel("95/46/EC (31995L0046)").check();
    await editor.getByRole("button", { name: "Create national measure" }).click();
    await expect(editor.getByText("Created.")).toBeVisible();
    await editor.getByRole("link", { name: "history" }).click();
    await editor.waitForURL(/\/history\/national_measure\/\d+$/);
    const history = editor.url();
    await expect(editor.getByRole("heading", { name: /editor@example\.eu/ })).toBeVisible();

    const researcher = await (await browser.newContext()).newPage();
    await signIn(researcher, DEMO.researcher);
    await researcher.goto(history);
    await expect(researcher.getByRole("heading", { name: /^Created .*Commission staff/ })).toBeVisible();
    await expect(researcher.getByText("editor@example.eu")).toHaveCount(0);
    await expect(researcher.getByRole("cell", { name: "Att għat-test tal-istorja" })).toBeVisible();
    // Fields by the names the form gives them, and the record by its title.
    await expect(researcher.getByRole("rowheader", { name: "Title in the original language" }).first()).toBeVisible();
    await expect(researcher.getByRole("rowheader", { name: "titleOriginal" })).toHaveCount(0);
    await expect(researcher.getByText("Att għat-test tal-istorja").first()).toBeVisible();
    await expectNoSeriousAxeViolations(researcher);
    // On a phone, a long value (the seed's source URL, a title) wraps in its cell instead of widening the page.
    await researcher.setViewportSize({ width: 390, height: 844 });
    await researcher.goto(history.replace(/\/\d+$/, "/1"));
    expect(await researcher.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe("people who may not edit", () => {
  test("an anonymous visitor is sent to sign in, a researcher is refused, and neither sees edit links", async ({ page }) => {
    await page.goto("/staff/measures/1");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.goto("/member-states/AT");
    // "Edit …" links, not the main navigation's "Editions".
    await expect(page.getByRole("link", { name: /\bEdit\b/ })).toHaveCount(0);
    await signIn(page, DEMO.researcher);
    await page.goto("/staff/measures/1");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await page.goto("/member-states/AT");
    await expect(page.getByRole("link", { name: /\bEdit\b/ })).toHaveCount(0);
  });

  test("a wrong password gets one message that does not say whether the account exists", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("nobody@example.eu");
    await page.getByLabel("Password").fill("whatever-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    await expectNoSeriousAxeViolations(page);
  });

  test("signing out ends the session", async ({ page, context, browser }) => {
    // Signing out revokes every session of the account, so this story signs out an editor of its own: the demo editor is signed in by stories running beside it.
    const email = `leaving.editor.${Date.now()}@example.eu`;
    const password = "leaving-editor-password-7";
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO.admin);
    await admin.goto("/staff/users");
    await admin.getByLabel("Email").fill(email);
    await admin.getByLabel("Name").fill("Leaving Editor");
    await admin.getByLabel("Role").selectOption("editor");
    await admin.getByLabel("Initial password").fill(password);
    await admin.getByRole("button", { name: "Create account" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Account created." })).toBeVisible();
    await adminContext.close();

    await signIn(page, { email, password });
    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    // A working day, not next-auth's 30-day default.
    expect(session!.expires * 1000 - Date.now()).toBeLessThan(8.5 * 3600_000);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("editing where the record is", () => {
  test("a measure's own page has Edit and History for staff only", async ({ page }) => {
    await page.goto("/measures/at-dsg-2000");
    await expect(page.getByRole("link", { name: "Edit the measure at-dsg-2000" })).toHaveCount(0);
    await signIn(page, DEMO.editor);
    await page.goto("/measures/at-dsg-2000");
    await page.getByRole("link", { name: "Edit the measure at-dsg-2000" }).click();
    await expect(page).toHaveURL(/\/staff\/measures\/\d+$/);
    await page.goto("/measures/at-dsg-2000");
    await page.getByRole("link", { name: "History of the measure at-dsg-2000" }).click();
    await expect(page).toHaveURL(/\/history\/national_measure\/\d+$/);
  });
});
