import { expect, test, type Page } from "@playwright/test";
import { e2eEditor } from "../sites";
import { button, label, unique } from "./support";

/**
 * The per-address limit reads the client address from X-Forwarded-For (as behind a proxy), so each test speaks from
 * its own documentation-range address and never locks the other suites' 127.0.0.1 out.
 */
const INVALID = /^(邮箱或密码错误。|Invalid email or password\.)$/;
const THROTTLED = /^(尝试次数过多|Too many attempts)/;

async function attempt(page: Page, address: string, email: string, password: string): Promise<string> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
  await page.goto("/admin/login");
  await page.getByLabel(label.email).fill(email);
  await page.getByLabel(label.password).fill(password);
  await page.getByRole("button", { name: button.signIn }).click();
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toBeVisible();
  return (await alert.textContent()) ?? "";
}

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  const wrongPassword = await attempt(page, "198.51.100.10", e2eEditor.email, "not-the-password");
  const unknownEmail = await attempt(page, "198.51.100.11", `${unique("nobody")}@digest.local`, "whatever-password");
  expect(wrongPassword).toMatch(INVALID);
  expect(unknownEmail).toBe(wrongPassword);
});

test("failed sign-ins are limited per account: the 6th is refused with a clear message", async ({ page }) => {
  test.setTimeout(60_000);
  const email = `${unique("target")}@digest.local`;
  for (let i = 1; i <= 5; i++) expect(await attempt(page, `198.51.100.${20 + i}`, email, `guess-${i}`)).toMatch(INVALID);
  expect(await attempt(page, "198.51.100.40", email, "guess-6")).toMatch(/^(尝试次数过多，请 \d+ 分钟后再试。|Too many attempts, try again in \d+ minutes?\.)$/);
});

test("failed sign-ins are limited per address across accounts, and other addresses are unaffected", async ({ page }) => {
  test.setTimeout(60_000);
  const address = "203.0.113.77";
  for (let i = 1; i <= 5; i++) {
    expect(await attempt(page, address, `${unique(`spray${i}`)}@digest.local`, "password-guess")).toMatch(INVALID);
  }
  expect(await attempt(page, address, `${unique("spray6")}@digest.local`, "password-guess")).toMatch(THROTTLED);
  // Even the right password is refused from that address while the limit holds.
  expect(await attempt(page, address, e2eEditor.email, e2eEditor.password)).toMatch(THROTTLED);
  // The editor can still sign in from elsewhere.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.78" });
  await page.goto("/admin/login");
  await page.getByLabel(label.email).fill(e2eEditor.email);
  await page.getByLabel(label.password).fill(e2eEditor.password);
  await page.getByRole("button", { name: button.signIn }).click();
  await expect(page).toHaveURL(/\/admin$/);
});
