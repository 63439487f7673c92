import { expect, type Page } from "@playwright/test";
import { e2eEditor } from "../sites";

/** Names unique to one test run and one test, so parallel tests never edit each other's posts. */
export function unique(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export async function signIn(page: Page, next = "/admin"): Promise<void> {
  await page.goto(next);
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.getByLabel("Email").fill(e2eEditor.email);
  await page.getByLabel("Password").fill(e2eEditor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/admin\/login/);
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
