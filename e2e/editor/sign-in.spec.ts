import { expect, test } from "@playwright/test";
import { e2eDemoEditor, e2eEditor } from "../sites";
import { fillSignIn, SIGN_IN_TIMEOUT, signIn, someAddress } from "./support";

test("an anonymous visit to the admin goes to the sign-in page, and back after signing in", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": someAddress() });
  await page.goto("/admin/posts/new");
  await expect(page).toHaveURL(/\/admin\/login\?callbackUrl=/);

  await fillSignIn(page, e2eEditor.email, "not-the-password");
  await expect(page.locator("form").getByRole("alert")).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
  await expect(page).toHaveURL(/\/admin\/login/);

  await fillSignIn(page, e2eEditor.email, e2eEditor.password);
  await expect(page).toHaveURL(/\/admin\/posts\/new$/, { timeout: SIGN_IN_TIMEOUT });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/New post|新文章/);
});

test("the admin shell shows the navigation, the editor's email and signs out", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Posts|文章/);
  const nav = page.getByRole("navigation", { name: /Admin|管理/ });
  await expect(nav.getByRole("link", { name: /^(Posts|文章)$/ })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: /New post|新文章/ })).toHaveAttribute("href", "/admin/posts/new");
  await expect(nav.getByRole("link", { name: /View site|查看网站/ })).toHaveAttribute("href", "/");
  // Only admins manage users.
  await expect(nav.getByRole("link", { name: /^(Users|用户)$/ })).toHaveCount(0);
  await expect(page.getByText(e2eEditor.email)).toBeVisible();
  // The copied content/ posts are listed with their status.
  await expect(page.getByRole("table")).toContainText(/已发布|published/);
  expect(await page.getByRole("table").getByRole("row").count()).toBeGreaterThan(1);

  await page.getByRole("button", { name: /Sign out|退出/ }).click();
  await expect(page).toHaveURL(/\/admin\/login/, { timeout: SIGN_IN_TIMEOUT });
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
});

test("production refuses the demo editor a development run seeded into the database, with the usual answer", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": someAddress() });
  await page.goto("/admin/login");
  await fillSignIn(page, e2eDemoEditor.email, e2eDemoEditor.password);
  await expect(page.locator("form").getByRole("alert")).toHaveText(/Invalid email or password\.|邮箱或密码/, { timeout: SIGN_IN_TIMEOUT });
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
});

test("a sign-in makes the browser a known device for that account (a signed, HTTP-only cookie)", async ({ page, context }) => {
  await signIn(page);
  const device = (await context.cookies()).find((cookie) => cookie.name === "digest-device");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(device!.value).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(device!.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);
});
