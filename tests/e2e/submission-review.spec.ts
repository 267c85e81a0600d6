import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO, signIn } from "./session";

const NEW_TITLE = "Act on Data Processing, Files and Individual Liberties (revised by the CNIL)";

test.describe("a national regulator's submission, reviewed by Commission staff", () => {
  test("a French regulator proposes a change, an editor approves it, and only the French record changes", async ({ browser }) => {
    const regulator = await (await browser.newContext()).newPage();
    // What the German records look like before the story: they must be exactly the same after.
    await regulator.goto("/member-states/DE");
    const germanBefore = await regulator.locator("main").innerText();

    await signIn(regulator, DEMO.regulatorFR, "/submissions");
    await expect(regulator.getByRole("heading", { level: 1 })).toHaveText("Submissions for FR");
    await regulator.getByRole("link", { name: "Draft a new submission" }).click();
    await expect(regulator.getByRole("heading", { level: 1 })).toHaveText("New submission for FR");

    // Pick the change with the keyboard-operable GET form: an update of a French measure.
    await regulator.getByLabel("What to do").selectOption("update");
    await regulator.getByLabel("Kind of record").selectOption("national_measure");
    await regulator.getByRole("button", { name: "Continue" }).click();
    const record = regulator.getByLabel("Record of FR");
    await expect(record.locator("option")).not.toHaveCount(0);
    await expect(record.locator("option", { hasText: /^de-/ })).toHaveCount(0);
    await record.selectOption({ label: (await record.locator("option", { hasText: "fr-loi-78-17" }).textContent())! });
    await regulator.getByRole("button", { name: "Open this record" }).click();
    await expect(regulator.getByRole("heading", { name: /^Update national measure/ })).toBeVisible();
    await expect(regulator.locator("#field-stateCode")).toHaveValue("FR");
    await expectNoSeriousAxeViolations(regulator);

    await regulator.getByLabel("English title", { exact: true }).fill(NEW_TITLE);
    await regulator.getByRole("button", { name: "Add this update to the draft" }).click();
    await expect(regulator.getByText("Added to the draft.")).toBeVisible();
    await expect(regulator.getByRole("heading", { name: "Changes in this submission (1)" })).toBeVisible();

    await regulator.getByLabel("Message to the reviewers").fill("English working title aligned with the CNIL's translation.");
    await regulator.getByRole("button", { name: "Send the submission for review" }).click();
    await expect(regulator).toHaveURL(/\/submissions\/\d+\?notice=submitted/);
    await expect(regulator.getByText("Sent for review.")).toBeVisible();
    await expect(regulator.getByText("Pending review").first()).toBeVisible();
    const submissionId = /\/submissions\/(\d+)/.exec(regulator.url())![1]!;
    await expectNoSeriousAxeViolations(regulator);
    // Not applied yet: the public page still shows the old title.
    await regulator.goto("/member-states/FR");
    await expect(regulator.getByText(NEW_TITLE)).toHaveCount(0);

    const editor = await (await browser.newContext()).newPage();
    await signIn(editor, DEMO.editor, "/staff");
    // The staff home names what waits for review.
    await editor.goto("/staff");
    await expect(editor.getByRole("link", { name: `#${submissionId} from FR` })).toBeVisible();
    await editor.goto("/staff/submissions");
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Regulators’ submissions");
    await expectNoSeriousAxeViolations(editor);
    await editor.getByRole("link", { name: `#${submissionId}`, exact: true }).click();
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(`Submission #${submissionId} from FR`);
    const diff = editor.getByRole("table", { name: /Change 1: Update national measure/ });
    const row = diff.getByRole("row", { name: /^English title/ });
    await expect(row.getByRole("cell").nth(1)).toHaveText(NEW_TITLE);
    await expect(row.getByRole("cell").nth(2)).toHaveText("changed");
    await expect(editor.getByText("Conflict:")).toHaveCount(0);
    await expectNoSeriousAxeViolations(editor);

    await editor.getByRole("button", { name: "Approve and apply" }).click();
    await expect(editor.getByText("Approved: every change was applied")).toBeVisible();
    const audit = editor.getByRole("table", { name: "Audit events written through this submission" });
    await expect(audit.getByRole("row", { name: /editor@example\.eu update National measure/ })).toBeVisible();
    await expect(audit.getByRole("row", { name: /submission\.approve/ })).toBeVisible();
    await expect(audit.getByRole("row", { name: /regulator\.fr@example\.eu submission\.create/ })).toBeVisible();

    // The change is public, its audit event is in the record's history, and Germany is untouched.
    await editor.goto("/member-states/FR");
    await expect(editor.getByText(NEW_TITLE)).toBeVisible();
    await regulator.goto(`/submissions/${submissionId}`);
    await expect(regulator.getByText("Approved").first()).toBeVisible();
    await regulator.goto("/member-states/DE");
    expect(await regulator.locator("main").innerText()).toBe(germanBefore);
  });

  test("a regulator cannot open the reviewers' pages, and an anonymous visitor is sent to sign in", async ({ page, browser }) => {
    await signIn(page, DEMO.regulatorFR, "/submissions");
    for (const path of ["/staff/submissions", "/staff/submissions/1"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden$/);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
    const anonymous = await (await browser.newContext()).newPage();
    await anonymous.goto("/staff/submissions");
    await expect(anonymous).toHaveURL(/\/sign-in\?callbackUrl=/);
    await anonymous.goto("/submissions");
    await expect(anonymous).toHaveURL(/\/sign-in\?callbackUrl=/);
  });

  test("a regulator creates an API token, sees it once, and revokes it", async ({ page, request, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, DEMO.regulatorDE, "/account/tokens");
    await page.getByLabel("Name").fill("Registry sync");
    await page.getByRole("button", { name: "Create token" }).click();
    const tokenField = page.getByLabel("Your new token");
    await expect(tokenField).toHaveValue(/^nis_[A-Za-z0-9_-]{43}$/);
    const token = await tokenField.inputValue();
    await page.getByRole("button", { name: "Copy the token" }).click();
    await expect(page.getByText("Copied.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await expectNoSeriousAxeViolations(page);
    const listed = await request.get("/api/v1/submissions", { headers: { authorization: `Bearer ${token}` } });
    expect(listed.status()).toBe(200);
    await page.reload();
    await expect(page.getByLabel("Your new token")).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);
    await page.getByRole("row", { name: /Registry sync/ }).getByRole("button", { name: /Revoke/ }).click();
    await expect(page.getByRole("row", { name: /Registry sync/ })).toContainText("Revoked");
    const refused = await request.get("/api/v1/submissions", { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["content-type"]).toBe("application/problem+json");
  });
});
