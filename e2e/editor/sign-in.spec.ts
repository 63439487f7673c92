import { expect, test } from "@playwright/test";
import { e2eEditor } from "../sites";
import { signIn } from "./support";

test("an anonymous visit to the admin goes to the sign-in page, and back after signing in", async ({ page }) => {
  await page.goto("/admin/posts/new");
  await expect(page).toHaveURL(/\/admin\/login\?callbackUrl=/);

  await page.getByLabel("Email").fill(e2eEditor.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/login/);

  await page.getByLabel("Password").fill(e2eEditor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New post");
});

test("the admin shell shows the navigation, the editor's email and signs out", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts");
  const nav = page.getByRole("navigation", { name: "Admin" });
  await expect(nav.getByRole("link", { name: "Posts" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "New post" })).toHaveAttribute("href", "/admin/posts/new");
  await expect(nav.getByRole("link", { name: "View site" })).toHaveAttribute("href", "/");
  await expect(page.getByText(e2eEditor.email)).toBeVisible();
  // The copied content/ posts are listed with their status.
  await expect(page.getByRole("table")).toContainText("published");
  expect(await page.getByRole("table").getByRole("row").count()).toBeGreaterThan(1);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
});
