import { expect, test } from "@playwright/test";
import { e2eEditor } from "../sites";
import { button, label, signIn } from "./support";

test("an anonymous visit to the admin goes to the sign-in page, and back after signing in", async ({ page }) => {
  await page.goto("/admin/posts/new");
  await expect(page).toHaveURL(/\/admin\/login\?callbackUrl=/);

  await page.getByLabel(label.email).fill(e2eEditor.email);
  await page.getByLabel(label.password).fill("not-the-password");
  await page.getByRole("button", { name: button.signIn }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^(邮箱或密码错误。|Invalid email or password\.)$/);
  await expect(page).toHaveURL(/\/admin\/login/);

  await page.getByLabel(label.password).fill(e2eEditor.password);
  await page.getByRole("button", { name: button.signIn }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^(新文章|New post)$/);
});

test("the admin shell shows the navigation, the editor's email and signs out", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^(文章|Posts)$/);
  const nav = page.getByRole("navigation", { name: /^(管理|Admin)$/ });
  await expect(nav.getByRole("link", { name: /^(文章|Posts)$/ })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: /^(新文章|New post)$/ })).toHaveAttribute("href", "/admin/posts/new");
  await expect(nav.getByRole("link", { name: /^(查看网站|View site)$/ })).toHaveAttribute("href", "/");
  await expect(page.getByText(e2eEditor.email)).toBeVisible();
  // The copied content/ posts are listed with their status.
  await expect(page.getByRole("table")).toContainText(/已发布|published/);
  expect(await page.getByRole("table").getByRole("row").count()).toBeGreaterThan(1);

  await page.getByRole("button", { name: button.signOut }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
});
