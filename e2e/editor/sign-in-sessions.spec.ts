import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eAdmin, e2eOwnUser, e2eSites } from "../sites";
import { createPost, editorStatus, editUrl, postUrl, SIGN_IN_TIMEOUT, signIn, unique } from "./support";

/**
 * Sessions end on the server: signing out, "sign out everywhere", a password change (CLI or admin) and a disable
 * make every copy of the cookie worthless at once. Each test signs in as an account of its own.
 */

const run = promisify(execFile);
const editorSite = e2eSites.find((site) => site.name === "editor")!;

async function signedInPage(browser: Browser, user = e2eOwnUser("sign-out"), next = "/admin"): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, next, user);
  return page;
}

async function isSignedOut(page: Page): Promise<void> {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
}

test("a save replayed with a cookie captured before signing out publishes nothing", async ({ browser, playwright, baseURL }) => {
  const page = await signedInPage(browser, e2eOwnUser("sign-out"));
  const slug = await createPost(page, { title: `退出后重放 ${unique("signout")}`, body: "原始正文 ORIGINAL" });
  await page.getByRole("button", { name: /^(Publish|发布)$/ }).click();
  await expect(editorStatus(page)).toHaveText(/Published|已发布/);

  // Capture the Save action exactly as the browser sends it, cookies and all, and keep it from the server.
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"] && !captured && (request.postData() ?? "").includes("originalSlug")) {
      captured = { url: request.url(), headers: await request.allHeaders(), body: request.postDataBuffer() ?? Buffer.from("") };
      await route.abort();
      return;
    }
    await route.continue();
  });
  await page.goto(editUrl(slug));
  await page.getByLabel(/^(Body|正文)$/).fill("被篡改的正文 TAMPERED");
  await page.getByRole("button", { name: /^(Save|保存)$/ }).click();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute("**/*");
  expect(captured!.headers.cookie).toContain("authjs.session-token");

  // Sign out in the browser.
  await page.goto("/admin");
  await page.getByRole("button", { name: /Sign out|退出/ }).click();
  await expect(page).toHaveURL(/\/admin\/login/, { timeout: SIGN_IN_TIMEOUT });

  // Replay it with the cookie captured before signing out.
  const replayer = await playwright.request.newContext({ baseURL });
  const replay = await replayer.post(captured!.url, { headers: captured!.headers, data: captured!.body });
  expect(replay.status()).toBeLessThan(500);
  expect(await replay.text()).toContain("unauthorized");
  await replayer.dispose();

  // Readers still see the original.
  const html = await (await page.request.get(postUrl(slug))).text();
  expect(html).toContain("ORIGINAL");
  expect(html).not.toContain("TAMPERED");
  await page.context().close();
});

test("a new password set with the users CLI signs the editor out of the browser they are in", async ({ browser }) => {
  test.setTimeout(60_000);
  const user = e2eOwnUser("cli");
  const page = await signedInPage(browser, user);
  await run("npx", ["tsx", "scripts/users.ts", "set-password", user.email, "--password", user.password], {
    env: { ...process.env, ...editorSite.env },
  });
  await isSignedOut(page);
  await page.context().close();
});

test("'sign out everywhere' on the account page signs out every browser of the account", async ({ browser }) => {
  const user = e2eOwnUser("everywhere");
  const laptop = await signedInPage(browser, user);
  const phone = await signedInPage(browser, user);
  await laptop.goto("/admin/account");
  await laptop.getByRole("button", { name: /Sign out everywhere|全部退出|所有设备/ }).click();
  await expect(laptop).toHaveURL(/\/admin\/login/, { timeout: SIGN_IN_TIMEOUT });
  await isSignedOut(phone);
  await isSignedOut(laptop);
  await laptop.context().close();
  await phone.context().close();
});

test("an admin disabling a user, or resetting their password, signs them out; the new password works", async ({ browser }) => {
  test.setTimeout(90_000);
  const disabled = e2eOwnUser("disable");
  const reset = e2eOwnUser("reset");
  const disabledPage = await signedInPage(browser, disabled);
  const resetPage = await signedInPage(browser, reset);

  const admin = await signedInPage(browser, e2eAdmin, "/admin/users");
  const row = (email: string) => admin.getByRole("row", { name: new RegExp(email.replace(/[.@]/g, "\\$&")) });

  await row(disabled.email).getByRole("button", { name: /^(Disable|停用)$/ }).click();
  await expect(row(disabled.email).getByRole("status")).toContainText(/disabled|停用/);
  await isSignedOut(disabledPage);
  await row(disabled.email).getByRole("button", { name: /^(Enable|启用)$/ }).click();
  await expect(row(disabled.email).getByRole("button", { name: /^(Disable|停用)$/ })).toBeVisible();

  const newPassword = `reset-${unique("pw")}`;
  await row(reset.email).getByLabel(/New password for|新密码/).fill(newPassword);
  await row(reset.email).getByRole("button", { name: /Reset password|重置密码/ }).click();
  await expect(row(reset.email).getByTestId("handover-password")).toHaveText(newPassword, { timeout: SIGN_IN_TIMEOUT });
  await isSignedOut(resetPage);
  await signIn(resetPage, "/admin", { ...reset, password: newPassword });
  await expect(resetPage).toHaveURL(/\/admin$/);

  for (const page of [disabledPage, resetPage, admin]) await page.context().close();
});
