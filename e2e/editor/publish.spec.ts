import { expect, test } from "@playwright/test";
import {
  bodyValue,
  button,
  clickButton,
  createPost,
  editorStatus,
  field,
  fillBody,
  notice,
  openPreview,
  openSettings,
  postUrl,
  signIn,
  unique,
} from "./support";

test("create a Chinese post with tags, preview it, publish it and find it on the site, its tag page and the feed", async ({
  page,
}) => {
  // Editing, previewing, publishing, then four reader pages rendered for the first time: long on a busy machine.
  test.setTimeout(60_000);
  await signIn(page);
  const marker = unique("e2e");
  const title = `云原生周报：服务网格新进展 ${marker}`;
  const tag = `服务网格${marker.slice(-4)}`;

  await page.goto("/admin/posts/new");
  await field(page, "title").fill(title);
  await openSettings(page);
  await field(page, "tags").fill(`kubernetes, ${tag}`);
  await field(page, "categories").fill("cloud-native");
  await field(page, "author").fill("云原生观察");
  await field(page, "source").fill("https://example.com/mesh");
  await expect(field(page, "draft")).toBeChecked();
  await expect(page.getByTestId("tags-chip")).toHaveText(["kubernetes×"]);

  // The live preview renders the body with the public renderer as it is typed, with the byline readers see.
  await openPreview(page);
  await fillBody(page, "## 主要新闻\n\nIstio 发布了新版本。\n\n| 项目 | 版本 |\n| --- | --- |\n| Istio | 1.30 |\n");
  const preview = page.getByTestId("preview-content");
  await expect(preview.getByRole("heading", { name: "主要新闻", level: 2 })).toBeVisible();
  await expect(preview.getByRole("table")).toContainText("1.30");
  const article = page.getByTestId("preview-article");
  await expect(article.getByTestId("preview-title")).toHaveText(title);
  await expect(article.getByRole("list", { name: "标签" })).toContainText(`#${tag}`);
  await expect(article.getByTestId("post-source")).toContainText("example.com/mesh");
  await expect(article).toContainText("云原生观察");

  // A body that does not compile is reported with its line before anything is saved.
  await openSettings(page);
  await field(page, "format").selectOption("mdx");
  await openPreview(page);
  await fillBody(page, "第一行\n\n第二段 <div>\n");
  await expect(page.getByTestId("preview-error")).toContainText(/第 3 行|Line 3/);
  await openSettings(page);
  await field(page, "format").selectOption("md");
  await openPreview(page);
  await fillBody(page, "## 主要新闻\n\nIstio 发布了新版本。\n");
  await clickButton(page, "preview");
  await expect(preview.getByRole("heading", { name: "主要新闻" })).toBeVisible();

  await clickButton(page, "save");
  await expect(page).toHaveURL(/\/admin\/posts\/[^/]+\/edit/);
  await expect(editorStatus(page)).toHaveText(notice.saved);
  const slug = await field(page, "slug").inputValue();

  // A draft is not public yet.
  expect((await page.request.get(postUrl(slug))).status()).toBe(404);

  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(notice.published);
  await expect(field(page, "draft")).not.toBeChecked();
  await expect(page.getByRole("button", { name: button.unpublish })).toBeVisible();

  const reader = await page.context().newPage();
  await reader.goto("/");
  await expect(reader.getByRole("link", { name: title }).first()).toBeVisible();
  await reader.goto(`/tags/${encodeURIComponent(tag)}`);
  await expect(reader.getByRole("link", { name: title }).first()).toBeVisible();
  const feed = await reader.request.get("/feed.xml");
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(title);
  await reader.goto(postUrl(slug));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByTestId("post")).toContainText("Istio 发布了新版本。");
  await reader.close();
});

test("edit a published post, then unpublish it: readers get a 404", async ({ page }) => {
  await signIn(page);
  const title = `编辑测试 ${unique("edit")}`;
  const slug = await createPost(page, { title, tags: "kubernetes", body: "初始正文。\n" });
  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(notice.published);

  await fillBody(page, "修改后的正文。\n");
  await field(page, "title").fill(`${title}（修订）`);
  await clickButton(page, "save");
  await expect(editorStatus(page)).toHaveText(notice.saved);

  const reader = await page.context().newPage();
  await reader.goto(postUrl(slug));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`${title}（修订）`);
  await expect(reader.getByTestId("post")).toContainText("修改后的正文。");

  await clickButton(page, "unpublish");
  await expect(editorStatus(page)).toHaveText(notice.unpublished);
  await expect(field(page, "draft")).toBeChecked();
  const gone = await reader.goto(postUrl(slug));
  expect(gone?.status()).toBe(404);
  await reader.close();

  // The list shows it as a draft.
  await page.goto(`/admin?status=draft&q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: `${title}（修订）` })).toBeVisible();
});

test("field errors are shown next to their field, the settings open to show them, and nothing is lost", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/posts/new");
  await field(page, "title").fill("日期错误的文章");
  await fillBody(page, "保留这段文字。");
  await openSettings(page);
  await field(page, "date").fill("2026-13-45");
  await field(page, "cover").fill("javascript:alert(1)");
  await openPreview(page);
  await clickButton(page, "save");
  await expect(field(page, "date")).toBeVisible();
  await expect(field(page, "date")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#post-date-error")).toHaveText(/这个日期不存在。|This is not a real date\./);
  await expect(field(page, "cover")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/admin\/posts\/new$/);
  await expect(bodyValue(page)).toHaveValue("保留这段文字。");
});
