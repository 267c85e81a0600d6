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
    await expect(regulator.getByRole("heading", { name: /^Update: .*\(fr-loi-78-17\)$/ })).toBeVisible();
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
    const diff = editor.getByRole("table", { name: /Change 1\. Update: .*\(fr-loi-78-17\)/ });
    const row = diff.getByRole("row", { name: /^English title/ });
    await expect(row.getByRole("cell").nth(1)).toHaveText(NEW_TITLE);
    await expect(row.getByRole("cell").nth(2)).toHaveText("changed");
    await expect(editor.getByText("Conflict:")).toHaveCount(0);
    await expectNoSeriousAxeViolations(editor);

    await editor.getByRole("button", { name: "Approve and apply" }).click();
    await expect(editor.getByText("Approved: every change was applied")).toBeVisible();
    const audit = editor.getByRole("table", { name: "Audit events written through this submission" });
    await expect(audit.getByRole("row", { name: /editor@example\.eu Updated National measure: .*\(fr-loi-78-17\)/ })).toBeVisible();
    await expect(audit.getByRole("row", { name: /Submission approved/ })).toBeVisible();
    await expect(audit.getByRole("row", { name: /regulator\.fr@example\.eu Submission sent/ })).toBeVisible();

    // The change is public, its audit event is in the record's history, and Germany is untouched.
    await editor.goto("/member-states/FR");
    await expect(editor.getByText(NEW_TITLE)).toBeVisible();
    await regulator.goto(`/submissions/${submissionId}`);
    await expect(regulator.getByText("Approved").first()).toBeVisible();
    await regulator.goto("/member-states/DE");
    expect(await regulator.locator("main").innerText()).toBe(germanBefore);
  });

  test("a French regulator drafts a new measure and a correspondence citing it, labelled by title; an editor approves both", async ({ browser }) => {
    const title = "Décret n° 2024-9 relatif à la liberté d’expression et aux traitements de données";
    const key = "fr-decret-2024-9-e2e";
    const regulator = await (await browser.newContext()).newPage();
    await signIn(regulator, DEMO.regulatorFR, "/submissions/new");
    await expect(regulator.getByRole("heading", { level: 1 })).toHaveText("New submission for FR");

    // The picker names records as people do: correspondences by instrument, article and state.
    await regulator.getByLabel("What to do").selectOption("update");
    await regulator.getByLabel("Kind of record").selectOption("transposition");
    await regulator.getByRole("button", { name: "Continue" }).click();
    await expect(regulator.getByLabel("Record of FR").locator("option", { hasText: /^95\/46\/EC Art\. 17 — France$/ })).toHaveCount(1);

    // 1. A new measure.
    await regulator.getByLabel("What to do").selectOption("create");
    await regulator.getByLabel("Kind of record").selectOption("national_measure");
    await regulator.getByRole("button", { name: /^(Continue|Open this record)$/ }).click();
    await expect(regulator.getByRole("heading", { name: "New national measure" })).toBeVisible();
    await regulator.getByRole("textbox", { name: "Key", exact: true }).fill(key);
    await regulator.getByLabel("Title in the original language").fill(title);
    await regulator.getByLabel("Language (ISO 639-1)").fill("fr");
    await regulator.getByLabel("Adopted on").fill("15/01/2024");
    await regulator.getByRole("checkbox", { name: /^95\/46\/EC/ }).check();
    await regulator.getByRole("button", { name: "Add to the draft" }).click();
    await expect(regulator.getByText("Added to the draft.")).toBeVisible();
    const draft = regulator.getByRole("region", { name: /Changes in this submission/ });
    await expect(draft.getByRole("listitem")).toHaveText([`New national measure — ${title} (${key}) Remove`]);

    // 2. A new correspondence entry citing it: the drafted measure is among the entry's measures.
    await regulator.getByLabel("What to do").selectOption("create");
    await regulator.getByLabel("Kind of record").selectOption("transposition");
    await regulator.getByRole("button", { name: /^(Continue|Open this record)$/ }).click();
    await expect(regulator.getByRole("heading", { name: "New transposition entry" })).toBeVisible();
    const provision = regulator.getByRole("combobox", { name: "Provision", exact: true });
    await provision.selectOption({ label: (await provision.locator("option", { hasText: /^95\/46\/EC Art\. 9 — / }).textContent())! });
    await regulator.getByRole("combobox", { name: "Status", exact: true }).selectOption("partial");
    await regulator.getByLabel("National provision(s)").fill("art. 3 du décret n° 2024-9");
    const drafted = regulator.getByRole("checkbox", { name: `${title} (${key}) — new, in this draft` });
    await expect(drafted).toBeVisible();
    await drafted.check();
    await expectNoSeriousAxeViolations(regulator);
    await regulator.getByRole("button", { name: "Add to the draft" }).click();
    await expect(regulator.getByRole("heading", { name: "Changes in this submission (2)" })).toBeVisible();
    await expect(draft.getByRole("listitem")).toHaveText([
      `New national measure — ${title} (${key}) Remove`,
      "New transposition entry — 95/46/EC Art. 9 — France Remove",
    ]);

    await regulator.getByLabel("Message to the reviewers").fill("The 2024 decree and the article of 95/46/EC it transposes.");
    await regulator.getByRole("button", { name: "Send the submission for review" }).click();
    await expect(regulator).toHaveURL(/\/submissions\/\d+\?notice=submitted/);
    const submissionId = /\/submissions\/(\d+)/.exec(regulator.url())![1]!;
    await expect(regulator.getByRole("heading", { name: `Change 1. New national measure — ${title} (${key})` })).toBeVisible();
    await expect(regulator.getByRole("heading", { name: "Change 2. New transposition entry — 95/46/EC Art. 9 — France" })).toBeVisible();
    await expectNoSeriousAxeViolations(regulator);

    const editor = await (await browser.newContext()).newPage();
    await signIn(editor, DEMO.editor, `/staff/submissions/${submissionId}`);
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(`Submission #${submissionId} from FR`);
    const entryDiff = editor.getByRole("table", { name: /Change 2\. New transposition entry — 95\/46\/EC Art\. 9 — France/ });
    await expect(
      entryDiff
        .getByRole("row", { name: /^National measures/ })
        .getByRole("cell")
        .nth(1),
    ).toHaveText(`${title} (${key}) — new, in this draft`);
    await expectNoSeriousAxeViolations(editor);
    await editor.getByRole("button", { name: "Approve and apply" }).click();
    await expect(editor.getByText("Approved: every change was applied")).toBeVisible();
    const audit = editor.getByRole("table", { name: "Audit events written through this submission" });
    await expect(audit.getByRole("row", { name: new RegExp(`Created National measure: .*\\(${key}\\)`) })).toBeVisible();
    await expect(audit.getByRole("row", { name: /Created Transposition entry: 95\/46\/EC Art\. 9 — France/ })).toBeVisible();

    // The Member State's page for the directive lists the measure, and the entry for Art. 9 — which cites it.
    await editor.goto("/member-states/FR/instruments/31995L0046");
    await expect(editor.getByRole("table", { name: /National measures of France/ }).getByRole("link", { name: title, exact: true })).toBeVisible();
    const row = editor.getByRole("table", { name: /Correspondence of France/ }).getByRole("row", { name: /Art\. 9/ });
    await expect(row).toContainText("Partial");
    await expect(row).toContainText("art. 3 du décret n° 2024-9");
    await row.getByRole("link", { name: "Art. 9", exact: true }).click();
    await expect(editor.getByRole("row", { name: /^France \(FR\)/ }).getByRole("link", { name: title, exact: true })).toBeVisible();
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
    await page
      .getByRole("row", { name: /Registry sync/ })
      .getByRole("button", { name: /Revoke/ })
      .click();
    await expect(page.getByRole("row", { name: /Registry sync/ })).toContainText("Revoked");
    const refused = await request.get("/api/v1/submissions", { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["content-type"]).toBe("application/problem+json");
  });
});
