import { expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: { email: "admin@example.eu", password: "demo-admin-password" },
  editor: { email: "editor@example.eu", password: "demo-editor-password" },
  regulatorFR: { email: "regulator.fr@example.eu", password: "demo-regulator-fr" },
  regulatorDE: { email: "regulator.de@example.eu", password: "demo-regulator-de" },
  researcher: { email: "researcher@example.eu", password: "demo-researcher-password" },
} as const;

/** Signs in through the real form and waits until the header shows the account. */
export async function signIn(page: Page, account: { email: string; password: string }, returnTo = "/") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
