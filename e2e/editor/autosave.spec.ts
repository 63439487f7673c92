import { expect, test } from "@playwright/test";
import { bodyValue, createPost, editUrl, field, fillBody, signIn, unique } from "./support";

const autosaved = /^(已自动保存|Autosaved) \d{1,2}:\d{2}/;

test("a draft saves itself while the editor types, and what it saved is there after a reload", async ({ page }) => {
  await signIn(page);
  const slug = await createPost(page, { title: `自动保存 ${unique("as")}`, body: "第一段。\n" });

  await fillBody(page, "第一段。\n\n第二段，没有点保存。\n");
  await expect(page.getByTestId("save-state")).toHaveText(autosaved);

  // The server has it: a fresh load (no local backup offered) shows the text.
  await page.reload();
  await expect(bodyValue(page)).toHaveValue("第一段。\n\n第二段，没有点保存。\n");
  await expect(page.getByRole("button", { name: /^(恢复未保存的文字|Bring back unsaved text)$/ })).toHaveCount(0);

  // Autosave folds into one revision per editing session: one "edited" entry, not one per pause.
  await fillBody(page, "第一段。\n\n第二段，没有点保存。\n\n第三段。\n");
  await expect(page.getByTestId("save-state")).toHaveText(autosaved);
  await page.goto(`/admin/posts/${encodeURIComponent(slug)}/revisions`);
  await expect(page.locator('td[data-action="update"]')).toHaveCount(1);
  await expect(page.locator('td[data-action="create"]')).toHaveCount(1);
});

test("a newer save in a second tab wins: autosave stops at the conflict panel and keeps the first tab's text", async ({ page, context }) => {
  await signIn(page);
  const slug = await createPost(page, { title: `自动保存冲突 ${unique("as")}`, body: "原文。\n" });

  const other = await context.newPage();
  await other.goto(editUrl(slug));
  await field(other, "title").fill("第二个标签页的标题");
  await other.getByRole("button", { name: /^(保存|Save)$/ }).click();
  await expect(other.getByTestId("editor-status")).toHaveText(/^(已保存|Saved)$/);

  await fillBody(page, "原文。\n\n第一个标签页写的段落。\n");
  const panel = page.getByRole("alert").filter({ hasText: /有人修改了这篇文章|Someone else changed this post/ });
  await expect(panel).toBeVisible();
  await expect(bodyValue(page)).toHaveValue("原文。\n\n第一个标签页写的段落。\n");

  // Nothing of the first tab reached the server: the second tab's version is what is stored.
  await other.reload();
  await expect(field(other, "title")).toHaveValue("第二个标签页的标题");
  await expect(bodyValue(other)).toHaveValue("原文。\n");
  await other.close();
});
