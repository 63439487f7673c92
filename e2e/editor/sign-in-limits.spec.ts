import http from "node:http";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { e2eEditor, e2eOwnUser } from "../sites";
import { fillSignIn, SIGN_IN_TIMEOUT, unique } from "./support";

/**
 * This site trusts 127.0.0.1 as a reverse proxy (TRUSTED_PROXIES), so the browser tests say which address each
 * attempt comes from in X-Forwarded-For, from documentation ranges no other suite uses.
 */
async function attempt(page: Page, address: string, email: string, password: string): Promise<string> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
  await page.goto("/admin/login");
  await fillSignIn(page, email, password);
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
  return (await alert.textContent()) ?? "";
}

async function signsIn(page: Page, address: string, email: string, password: string): Promise<void> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
  await page.goto("/admin/login");
  await fillSignIn(page, email, password);
  await expect(page).toHaveURL(/\/admin$/, { timeout: SIGN_IN_TIMEOUT });
}

const INVALID = /^(Invalid email or password\.|.*邮箱或密码.*)$/;
const TOO_MANY = /^(Too many attempts, try again in \d+ minutes?\.|.*尝试.*)$/;

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  const wrongPassword = await attempt(page, "198.51.100.10", e2eEditor.email, "not-the-password");
  const unknownEmail = await attempt(page, "198.51.100.11", `${unique("nobody")}@digest.local`, "whatever-password");
  expect(wrongPassword).toMatch(INVALID);
  expect(unknownEmail).toBe(wrongPassword);
});

test("failures count per account and address: the 6th from one address is refused, the editor's own address is not", async ({ page }) => {
  test.setTimeout(60_000);
  const email = `${unique("target")}@digest.local`;
  for (let i = 1; i <= 5; i++) expect(await attempt(page, "198.51.100.20", email, `guess-${i}`)).toMatch(INVALID);
  expect(await attempt(page, "198.51.100.20", email, "guess-6")).toMatch(TOO_MANY);
  // Another address is a different pair: not refused.
  expect(await attempt(page, "198.51.100.21", email, "guess-7")).toMatch(INVALID);
});

test("wrong passwords from many addresses do not lock the editor out: the right one from a new address works", async ({ browser }) => {
  test.setTimeout(90_000);
  const editor = e2eOwnUser("many-addresses");
  // A stranger's browser, guessing the editor's password from six addresses.
  const stranger = await browser.newContext();
  const guessing = await stranger.newPage();
  for (let i = 1; i <= 6; i++) expect(await attempt(guessing, `203.0.113.${30 + i}`, editor.email, `guess-${i}`)).toMatch(INVALID);
  await stranger.close();
  // The editor, on a new laptop (no device cookie), from a new address.
  const laptop = await browser.newContext();
  await signsIn(await laptop.newPage(), "203.0.113.40", editor.email, editor.password);
  await laptop.close();
});

test("after 10 failures an hour strangers are paused for that account, but the editor's own browser still signs in", async ({ browser }) => {
  test.setTimeout(120_000);
  const user = e2eOwnUser("paused");
  // The editor's browser signs in once: it now holds a device cookie for the account.
  const own: BrowserContext = await browser.newContext();
  const ownPage = await own.newPage();
  await signsIn(ownPage, "192.0.2.10", user.email, user.password);
  await ownPage.getByRole("button", { name: /Sign out|退出/ }).click();
  await expect(ownPage).toHaveURL(/\/admin\/login/, { timeout: SIGN_IN_TIMEOUT });

  // Strangers fail from ten addresses; an eleventh stranger, even with the right password, is paused.
  const strangers = await browser.newContext();
  const page = await strangers.newPage();
  for (let i = 1; i <= 10; i++) await attempt(page, `192.0.2.${100 + i}`, user.email, `wrong-${i}`);
  expect(await attempt(page, "192.0.2.150", user.email, user.password)).toMatch(TOO_MANY);
  await strangers.close();

  // The editor's own browser, from yet another address.
  await signsIn(ownPage, "192.0.2.11", user.email, user.password);
  await own.close();
});

/**
 * One POST to Auth.js's credentials callback (what a script would send), over a socket bound to `localAddress`,
 * claiming `forwardedFor`. Returns the outcome code of the redirect ("credentials", "rate_limited"), or "signed-in".
 */
async function postFrom(
  baseURL: string,
  localAddress: string,
  forwardedFor: string,
  email: string,
  password = "password-guess",
): Promise<string> {
  const url = new URL(baseURL);
  const request = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, method, path, headers, localAddress }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ headers: response.headers, body: text }));
      });
      req.on("error", reject);
      req.end(body);
    });
  const csrf = await request("GET", "/api/auth/csrf", {});
  const cookie = (csrf.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password }).toString();
  const response = await request("POST", "/api/auth/callback/credentials", {
    "content-type": "application/x-www-form-urlencoded",
    cookie,
    "x-forwarded-for": forwardedFor,
  }, form);
  return new URL(String(response.headers.location), baseURL).searchParams.get("code") ?? "signed-in";
}

const count = (codes: string[]) => Object.fromEntries([...new Set(codes)].map((code) => [code, codes.filter((c) => c === code).length]));

test("bcrypt work per address is capped: of 11 attempts at once on 11 accounts from one address, one is refused unhashed", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const codes = await Promise.all(
    Array.from({ length: 11 }, (_, i) => postFrom(baseURL!, "127.0.0.1", "203.0.113.77", `${unique(`spray${i}`)}@digest.local`)),
  );
  expect(count(codes)).toEqual({ credentials: 10, rate_limited: 1 });
  // Even the right password, from that address, for now.
  const editor = e2eOwnUser("sprayed");
  expect(await postFrom(baseURL!, "127.0.0.1", "203.0.113.77", editor.email, editor.password)).toBe("rate_limited");
  // From elsewhere it signs in.
  expect(await postFrom(baseURL!, "127.0.0.1", "203.0.113.78", editor.email, editor.password)).toBe("signed-in");
});

test("a peer that is not a trusted proxy cannot pick its address with X-Forwarded-For", async ({ baseURL }) => {
  test.setTimeout(60_000);
  // 127.0.0.2 is another loopback address, not in TRUSTED_PROXIES: its forged headers are ignored, so eleven
  // "different" addresses are one, and its bcrypt budget runs out as above.
  const codes = await Promise.all(
    Array.from({ length: 11 }, (_, i) => postFrom(baseURL!, "127.0.0.2", `198.18.0.${i + 1}`, `${unique(`forged${i}`)}@digest.local`)),
  );
  expect(count(codes)).toEqual({ credentials: 10, rate_limited: 1 });
});
