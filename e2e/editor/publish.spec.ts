import { expect, test } from "@playwright/test";
import { createPost, editorStatus, postUrl, signIn, unique } from "./support";

test("create a Chinese post with tags, preview it, publish it and find it on the site, its tag page and the feed", async ({
  page,
}) => {
  await signIn(page);
  const marker = unique("e2e");
  const title = `云原生周报：服务网格新进展 ${marker}`;
  const tag = `服务网格${marker.slice(-4)}`;

  await page.goto("/admin/posts/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Tags").fill(`kubernetes, ${tag}`);
  await page.getByLabel("Categories").fill("cloud-native");
  await page.getByLabel("Author").fill("云原生观察");
  await page.getByLabel("Source").fill("https://example.com/mesh");
  await expect(page.getByLabel("Draft")).toBeChecked();

  // The live preview renders the body with the public renderer as it is typed.
  await page.getByLabel("Body").fill("## 主要新闻\n\nIstio 发布了新版本。\n\n| 项目 | 版本 |\n| --- | --- |\n| Istio | 1.30 |\n");
  const preview = page.getByTestId("preview-content");
  await expect(preview.getByRole("heading", { name: "主要新闻", level: 2 })).toBeVisible();
  await expect(preview.getByRole("table")).toContainText("1.30");

  // A body that does not compile is reported with its line before anything is saved.
  await page.getByLabel("Format").selectOption("mdx");
  await page.getByLabel("Body").fill("第一行\n\n第二段 <div>\n");
  await expect(page.getByTestId("preview-error")).toContainText(/Line 3/);
  await page.getByLabel("Format").selectOption("md");
  await page.getByLabel("Body").fill("## 主要新闻\n\nIstio 发布了新版本。\n");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(preview.getByRole("heading", { name: "主要新闻" })).toBeVisible();

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/[^/]+\/edit/);
  await expect(editorStatus(page)).toHaveText("Saved");
  const slug = await page.getByLabel("Slug").inputValue();

  // A draft is not public yet.
  expect((await page.request.get(postUrl(slug))).status()).toBe(404);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editorStatus(page)).toHaveText("Published");
  await expect(page.getByLabel("Draft")).not.toBeChecked();
  await expect(page.getByRole("button", { name: "Unpublish" })).toBeVisible();

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
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editorStatus(page)).toHaveText("Published");

  await page.getByLabel("Body").fill("修改后的正文。\n");
  await page.getByLabel("Title").fill(`${title}（修订）`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editorStatus(page)).toHaveText("Saved");

  const reader = await page.context().newPage();
  await reader.goto(postUrl(slug));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`${title}（修订）`);
  await expect(reader.getByTestId("post")).toContainText("修改后的正文。");

  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(editorStatus(page)).toHaveText("Unpublished");
  await expect(page.getByLabel("Draft")).toBeChecked();
  const gone = await reader.goto(postUrl(slug));
  expect(gone?.status()).toBe(404);
  await reader.close();

  // The list shows it as a draft.
  await page.goto(`/admin?status=draft&q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: `${title}（修订）` })).toBeVisible();
});

test("field errors are shown next to their field and nothing is lost", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/posts/new");
  await page.getByLabel("Title").fill("日期错误的文章");
  await page.getByLabel("Date").fill("2026-13-45");
  await page.getByLabel("Body").fill("保留这段文字。");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByLabel("Date")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/admin\/posts\/new$/);
  await expect(page.getByLabel("Body")).toHaveValue("保留这段文字。");
});
