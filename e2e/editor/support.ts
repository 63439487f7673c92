import { expect, type Locator, type Page } from "@playwright/test";
import { e2eEditor, type E2EUser } from "../sites";

/** Names unique to one test run and one test, so parallel tests never edit each other's posts. */
export function unique(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * The admin's labels, buttons and notices in either language (Chinese by default, English when chosen), anchored so
 * "标题" does not also find "SEO 标题" and "发布" does not find "取消发布".
 */
const either = (zh: string, en: string) => new RegExp(`^(${zh}|${en})$`);
export const label = {
  title: either("标题", "Title"),
  slug: /^Slug$/,
  date: either("日期", "Date"),
  author: either("作者", "Author"),
  source: either("来源", "Source"),
  description: either("描述", "Description"),
  tags: either("标签", "Tags"),
  categories: either("分类", "Categories"),
  format: either("格式", "Format"),
  draft: either("草稿", "Draft"),
  body: either("正文", "Body"),
  email: either("邮箱", "Email"),
  password: either("密码", "Password"),
  cover: either("封面图片", "Cover image"),
  seoTitle: either("SEO 标题", "SEO title"),
  seoDescription: either("SEO 描述", "SEO description"),
};
export const button = {
  save: either("保存", "Save"),
  publish: either("发布", "Publish"),
  unpublish: either("取消发布", "Unpublish"),
  delete: either("删除", "Delete"),
  restore: either("恢复", "Restore"),
  preview: either("预览", "Preview"),
  signIn: either("登录", "Sign in"),
  signOut: either("退出", "Sign out"),
};
export const notice = {
  saved: either("已保存", "Saved"),
  published: either("已发布", "Published"),
  unpublished: either("已取消发布", "Unpublished"),
  restored: either("已恢复", "Restored"),
  sessionExpired: /登录已过期|Your session has expired/,
};

/**
 * How long a sign-in (or sign-out) may take: signing in checks a cost-12 bcrypt hash on purpose, which alone takes
 * 2 s and more on a loaded 2-core machine, and both redirects render the next page in the same response.
 */
export const SIGN_IN_TIMEOUT = 20_000;

/** A documentation-range address (TEST-NET-2/3) of its own for each call. */
export function someAddress(): string {
  return `${Math.random() < 0.5 ? "198.51.100" : "203.0.113"}.${1 + Math.floor(Math.random() * 254)}`;
}

/**
 * Signs in through the form. The editor site trusts 127.0.0.1 as a proxy, so each page speaks from an address of
 * its own (X-Forwarded-For): the suites' many sign-ins never share one address's sign-in budget.
 */
export async function signIn(page: Page, next = "/admin", user: E2EUser = e2eEditor): Promise<void> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": someAddress() });
  await page.goto(next);
  await expect(page).toHaveURL(/\/admin\/login/);
  await fillSignIn(page, user);
  await expect(page).not.toHaveURL(/\/admin\/login/, { timeout: SIGN_IN_TIMEOUT });
}

/** Fills and submits the sign-in form already on screen: an account, or an email and a password. */
export async function fillSignIn(page: Page, who: { email: string; password: string } | string = e2eEditor, password?: string): Promise<void> {
  const credentials = typeof who === "string" ? { email: who, password: password ?? "" } : who;
  await page.getByLabel(label.email).fill(credentials.email);
  await page.getByLabel(label.password).fill(credentials.password);
  await page.getByRole("button", { name: button.signIn }).click();
}

export function editorStatus(page: Page) {
  return page.getByTestId("editor-status");
}

/**
 * A form control by its label (hidden ones included: the settings tab may be folded away when a test reads a value).
 * Tags and categories are asked for as the comboboxes they are, because the preview shows the reader's tag list,
 * which is labelled "标签" too.
 */
export function field(page: Page, name: keyof typeof label): Locator {
  if (name === "tags" || name === "categories") return page.getByRole("combobox", { name: label[name], includeHidden: true });
  return page.getByLabel(label[name]);
}

export function clickButton(page: Page, name: keyof typeof button) {
  return page.getByRole("button", { name: button[name] }).click();
}

/** Shows the post's settings (slug, date, tags, …) in the side panel. */
export async function openSettings(page: Page): Promise<void> {
  await page.getByRole("tab", { name: /^(文章设置|Post settings)$/ }).click();
}

export async function openPreview(page: Page): Promise<void> {
  await page.getByRole("tab", { name: button.preview }).click();
}

/**
 * Fills the body through its label, as `fill()` does any field. It waits for CodeMirror to have replaced the
 * server-rendered textarea (filling the textarea also works; waiting makes the test deterministic), and empties the
 * editor first: Chrome replacing a whole multi-line contenteditable selection at once can leave an empty last line,
 * which a person selecting and typing never gets.
 */
export async function fillBody(page: Page, text: string): Promise<void> {
  await expect(page.getByTestId("body-editor")).toBeVisible();
  const body = field(page, "body");
  await body.press("ControlOrMeta+a");
  await body.press("Delete");
  await expect(bodyValue(page)).toHaveValue("");
  await body.fill(text);
  await expect(bodyValue(page)).toHaveValue(text);
}

/** What the form will save as the body, whichever editor is showing. */
export function bodyValue(page: Page): Locator {
  return page.getByTestId("body-value");
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
  await field(page, "title").fill(post.title);
  await fillBody(page, post.body);
  if (post.slug || post.tags || post.categories || post.format) {
    await openSettings(page);
    if (post.slug) await field(page, "slug").fill(post.slug);
    if (post.tags) await field(page, "tags").fill(post.tags);
    if (post.categories) await field(page, "categories").fill(post.categories);
    if (post.format) await field(page, "format").selectOption(post.format);
    await openPreview(page);
  }
  await clickButton(page, "save");
  // The first save creates the post (one transaction, its Markdown file, the cache tags) and then loads the editor
  // at its new address: beyond the 5 s default on a loaded 2-core machine now and then (seen once in CI).
  await expect(page).toHaveURL(/\/admin\/posts\/[^/]+\/edit/, { timeout: 15_000 });
  await expect(editorStatus(page)).toHaveText(notice.saved);
  const slug = await field(page, "slug").inputValue();
  expect(slug).not.toBe("");
  return slug;
}

export function editUrl(slug: string): string {
  return `/admin/posts/${encodeURIComponent(slug)}/edit`;
}

export function postUrl(slug: string): string {
  return `/posts/${encodeURIComponent(slug)}`;
}
