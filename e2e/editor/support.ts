import { expect, type Page } from "@playwright/test";
import { e2eEditor, type E2EUser } from "../sites";

/** Names unique to one test run and one test, so parallel tests never edit each other's posts. */
export function unique(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * How long a sign-in (or sign-out) may take: signing in checks a cost-12 bcrypt hash on purpose, which alone takes
 * 2 s and more on a loaded 2-core machine, and both redirects render the next page in the same response.
 */
export const SIGN_IN_TIMEOUT = 20_000;

/** A documentation-range address (TEST-NET-2/3) of its own for each call. */
export function someAddress(): string {
  return `${Math.random() < 0.5 ? "198.51.100" : "203.0.113"}.${1 + Math.floor(Math.random() * 254)}`;
}

/** The sign-in form's fields, in English or Chinese. */
export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(/Email|邮箱/).fill(email);
  await page.getByLabel(/Password|密码/).fill(password);
  await page.getByRole("button", { name: /Sign in|登录/ }).click();
}

/**
 * Signs in through the form. The editor site trusts 127.0.0.1 as a proxy, so each page speaks from an address of
 * its own (X-Forwarded-For): the suites' many sign-ins never share one address's sign-in budget.
 */
export async function signIn(page: Page, next = "/admin", user: E2EUser = e2eEditor): Promise<void> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": someAddress() });
  await page.goto(next);
  await expect(page).toHaveURL(/\/admin\/login/);
  await fillSignIn(page, user.email, user.password);
  await expect(page).not.toHaveURL(/\/admin\/login/, { timeout: SIGN_IN_TIMEOUT });
}

export function editorStatus(page: Page) {
  return page.getByTestId("editor-status");
}

export interface NewPost {
  title: string;
  slug?: string;
  tags?: string;
  categories?: string;
  format?: "md" | "mdx";
  body: string;
}

/** Creates a draft through the form and returns its slug, as the server settled it. */
export async function createPost(page: Page, post: NewPost): Promise<string> {
  await page.goto("/admin/posts/new");
  await page.getByLabel("Title").fill(post.title);
  if (post.slug) await page.getByLabel("Slug").fill(post.slug);
  if (post.tags) await page.getByLabel("Tags").fill(post.tags);
  if (post.categories) await page.getByLabel("Categories").fill(post.categories);
  if (post.format) await page.getByLabel("Format").selectOption(post.format);
  await page.getByLabel("Body").fill(post.body);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/[^/]+\/edit/);
  await expect(editorStatus(page)).toHaveText("Saved");
  const slug = await page.getByLabel("Slug").inputValue();
  expect(slug).not.toBe("");
  return slug;
}

export function editUrl(slug: string): string {
  return `/admin/posts/${encodeURIComponent(slug)}/edit`;
}

export function postUrl(slug: string): string {
  return `/posts/${encodeURIComponent(slug)}`;
}
