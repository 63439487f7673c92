import { expect, test, type Page } from "@playwright/test";
import { e2eEditor } from "../sites";
import { unique } from "./support";

/**
 * The per-address limit reads the client address from X-Forwarded-For (as behind a proxy), so each test speaks from
 * its own documentation-range address and never locks the other suites' 127.0.0.1 out.
 */
async function attempt(page: Page, address: string, email: string, password: string): Promise<string> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toBeVisible();
  return (await alert.textContent()) ?? "";
}

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  const wrongPassword = await attempt(page, "198.51.100.10", e2eEditor.email, "not-the-password");
  const unknownEmail = await attempt(page, "198.51.100.11", `${unique("nobody")}@digest.local`, "whatever-password");
  expect(wrongPassword).toBe("Invalid email or password.");
  expect(unknownEmail).toBe(wrongPassword);
});

test("failed sign-ins are limited per account: the 6th is refused with a clear message", async ({ page }) => {
  test.setTimeout(60_000);
  const email = `${unique("target")}@digest.local`;
  for (let i = 1; i <= 5; i++) expect(await attempt(page, `198.51.100.${20 + i}`, email, `guess-${i}`)).toBe("Invalid email or password.");
  expect(await attempt(page, "198.51.100.40", email, "guess-6")).toMatch(/^Too many attempts, try again in \d+ minutes?\.$/);
});

test("failed sign-ins are limited per address across accounts, and other addresses are unaffected", async ({ page }) => {
  test.setTimeout(60_000);
  const address = "203.0.113.77";
  for (let i = 1; i <= 5; i++) {
    expect(await attempt(page, address, `${unique(`spray${i}`)}@digest.local`, "password-guess")).toBe("Invalid email or password.");
  }
  expect(await attempt(page, address, `${unique("spray6")}@digest.local`, "password-guess")).toMatch(/^Too many attempts/);
  // Even the right password is refused from that address while the limit holds.
  expect(await attempt(page, address, e2eEditor.email, e2eEditor.password)).toMatch(/^Too many attempts/);
  // The editor can still sign in from elsewhere.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.78" });
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(e2eEditor.email);
  await page.getByLabel("Password").fill(e2eEditor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});
