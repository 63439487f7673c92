import { expect, test } from "@playwright/test";
import {
  bodyValue,
  clickButton,
  createPost,
  editorStatus,
  editUrl,
  field,
  fillBody,
  fillSignIn,
  notice,
  openSettings,
  postUrl,
  signIn,
  unique,
} from "./support";

test("the admin speaks Chinese by default, switches to English and back, and keeps what was typed", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("文章");
  await page.goto("/admin/posts/new");
  await expect(page.getByLabel("标题", { exact: true })).toBeVisible();
  await page.getByLabel("标题", { exact: true }).fill("切换语言时的标题");

  const language = page.getByLabel("语言 Language");
  await language.selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New post");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("切换语言时的标题");
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeVisible();
  await expect(page.locator("div[lang]").first()).toHaveAttribute("lang", "en");

  // The choice is remembered, and reader pages stay Chinese whatever the admin speaks.
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts");
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "New post" })).toBeVisible();
  const reader = await page.context().newPage();
  await reader.goto("/");
  await expect(reader.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(reader.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await reader.close();

  await page.getByLabel("语言 Language").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("文章");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("文章");
});

test("a browser that asks for English gets the sign-in page and the admin in English", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to edit the digest");
  await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
  await fillSignIn(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts");
  await context.close();
});

test("the toolbar and the shortcuts format the selection, Ctrl+S saves, and the word count is the reader's", async ({ page }) => {
  await signIn(page);
  const slug = await createPost(page, { title: `工具栏 ${unique("toolbar")}`, body: "调度器" });
  const editor = page.getByLabel(/^(正文|Body)$/);

  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.getByRole("toolbar").getByRole("button", { name: /^(粗体|Bold)$/ }).click();
  await expect(bodyValue(page)).toHaveValue("**调度器**");
  // The same button again takes the bold off the same selection.
  await page.getByRole("toolbar").getByRole("button", { name: /^(粗体|Bold)$/ }).click();
  await expect(bodyValue(page)).toHaveValue("调度器");

  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("ControlOrMeta+i");
  await expect(bodyValue(page)).toHaveValue("*调度器*");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("ControlOrMeta+i");
  await page.keyboard.press("ControlOrMeta+h");
  await expect(bodyValue(page)).toHaveValue("## 调度器");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+k");
  await page.keyboard.type("官方博客");
  await expect(bodyValue(page)).toHaveValue("## 调度器\n[官方博客](https://)");

  // Enter continues a list, and ends it on an empty item.
  await fillBody(page, "- 第一项");
  await editor.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("第二项");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("列表之后");
  await expect(bodyValue(page)).toHaveValue("- 第一项\n- 第二项\n列表之后");

  // Ctrl+S from inside the editor saves.
  await page.keyboard.press("ControlOrMeta+s");
  await expect(editorStatus(page)).toHaveText(notice.saved);

  // 801 Chinese characters and 200 English words: 801/400 + 200/200 → 4 minutes, here and on the reader's page.
  const words = Array.from({ length: 200 }, () => "cloud").join(" ");
  await fillBody(page, `${"云".repeat(801)}\n\n${words}\n`);
  await expect(page.getByTestId("word-count")).toHaveText(/^(1,001 字 · 约 4 分钟读完|1,001 words · about 4 min read)$/);
  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(notice.published);
  await page.goto(postUrl(slug));
  await expect(page.getByTestId("post").locator("header")).toContainText("约 4 分钟读完");
});

test("tags and categories are chips with suggestions from the ones in use; cover and SEO fields are kept", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/posts/new");
  await field(page, "title").fill(`标签与封面 ${unique("chips")}`);
  await fillBody(page, "正文。");
  await openSettings(page);

  const tags = field(page, "tags");
  await tags.fill("kube");
  // The copied content/ posts use the tag "kubernetes"; it is offered, and Enter on it makes a chip.
  const suggestions = page.getByRole("listbox", { name: /已有的标签|Existing Tags/ });
  await expect(suggestions.getByRole("option", { name: "kubernetes" })).toBeVisible();
  await tags.press("ArrowDown");
  await tags.press("Enter");
  await tags.fill("服务网格");
  await tags.press("Enter");
  await tags.fill("临时");
  await tags.press("Enter");
  await expect(page.getByTestId("tags-chip")).toHaveText(["kubernetes×", "服务网格×", "临时×"]);
  await page.getByRole("button", { name: /移除“临时”|Remove “临时”/ }).click();
  await expect(page.getByTestId("tags-chip")).toHaveText(["kubernetes×", "服务网格×"]);

  await field(page, "cover").fill("/images/cover.png");
  await field(page, "seoTitle").fill("搜索结果里的标题");
  await field(page, "seoDescription").fill("搜索结果里的摘要。");
  await clickButton(page, "save");
  await expect(editorStatus(page)).toHaveText(notice.saved);

  await page.reload();
  await openSettings(page);
  await expect(page.getByTestId("tags-chip")).toHaveText(["kubernetes×", "服务网格×"]);
  await expect(field(page, "cover")).toHaveValue("/images/cover.png");
  await expect(field(page, "seoTitle")).toHaveValue("搜索结果里的标题");
  await expect(field(page, "seoDescription")).toHaveValue("搜索结果里的摘要。");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the title and the body come first, within the first screen, and the settings follow them", async ({ page }) => {
    await signIn(page);
    const slug = await createPost(page, { title: `手机 ${unique("phone")}`, body: "手机上写的正文。\n" });
    await page.goto(editUrl(slug));
    const body = page.getByLabel(/^(正文|Body)$/);
    await expect(page.getByTestId("body-editor")).toBeVisible();
    const viewport = page.viewportSize()!;
    const title = (await field(page, "title").boundingBox())!;
    const editor = (await body.boundingBox())!;
    expect(title.y).toBeLessThan(editor.y);
    // Reachable without scrolling: the body starts on the first screen, above the sticky action bar.
    expect(editor.y).toBeLessThan(viewport.height * 0.75);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // No sideways scrolling on a 390 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

    await openSettings(page);
    const slugField = (await field(page, "slug").boundingBox())!;
    expect(slugField.y).toBeGreaterThan(editor.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await fillBody(page, "在手机上改过的正文。\n");
    await clickButton(page, "save");
    await expect(editorStatus(page)).toHaveText(notice.saved);
  });
});
