import { expect, test, type Page } from "@playwright/test";
import { e2eEditor } from "../sites";
import { clickButton, createPost, editorStatus, editUrl, fillBody, notice, postUrl, signIn, unique } from "./support";

function history(page: Page) {
  return page.getByRole("table").first().getByRole("row");
}

async function viewVersion(page: Page, slug: string, version: number) {
  await page.goto(`/admin/posts/${encodeURIComponent(slug)}/revisions`);
  await history(page)
    .filter({ has: page.getByRole("cell", { name: String(version), exact: true }) })
    .getByRole("link", { name: /查看版本|View version/ })
    .click();
  await expect(page).toHaveURL(/\?revision=/);
}

test("the revision list shows each save and an old revision can be compared, character by character, and restored", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page);
  const title = `修订历史 ${unique("rev")}`;
  const slug = await createPost(page, { title, body: "第一版正文，介绍调度器的改进。\n共同的一行。\n" });

  await fillBody(page, "第二版正文，介绍调度器的重大改进。\n共同的一行。\n");
  await clickButton(page, "save");
  await expect(editorStatus(page)).toHaveText(notice.saved);

  await page.getByRole("link", { name: /^(修订历史|Revisions)$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/posts/${encodeURIComponent(slug)}/revisions`));
  const rows = history(page);
  // Header + two saves, newest first, with who made them and what they did.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(/编辑|edited/);
  await expect(rows.nth(1)).toContainText(e2eEditor.email);
  await expect(rows.nth(2)).toContainText(/创建|created/);

  await rows.nth(2).getByRole("link", { name: /查看版本|View version/ }).click();
  await expect(page).toHaveURL(/\?revision=/);
  const diff = page.locator("table").nth(1);
  await expect(diff.locator('tr[data-change="removed"]')).toContainText("第一版正文");
  await expect(diff.locator('tr[data-change="added"]')).toContainText("第二版正文");
  await expect(diff.locator('tr[data-change="removed"]')).toContainText(/删除：|Removed:/);
  // Inside the paragraph only the characters that changed are marked, not the whole line.
  await expect(diff.locator('tr[data-change="removed"] del')).toHaveText(["一"]);
  await expect(diff.locator('tr[data-change="added"] ins')).toHaveText(["二", "重大"]);

  // Both versions are drafts: restoring does not change what readers see, so it does not ask.
  await page.getByRole("button", { name: /^(恢复此版本|Restore this revision)$/ }).click();
  await expect(page.getByText(/已恢复版本 \d+|Restored version \d+/).first()).toBeVisible();
  await expect(history(page)).toHaveCount(4);
  await expect(history(page).nth(1)).toContainText(/恢复旧版本|restored an earlier version/);

  await page.goto(editUrl(slug));
  await expect(page.getByTestId("body-value")).toHaveValue("第一版正文，介绍调度器的改进。\n共同的一行。\n");
});

test("history says created, published, edited, unpublished; restoring a version that was published asks first", async ({ page }) => {
  // Four saves, three restores and their pages: longer than one default test on a busy machine.
  test.setTimeout(60_000);
  await signIn(page);
  const title = `发布状态 ${unique("state")}`;
  const slug = await createPost(page, { title, body: "草稿正文。\n" });
  await fillBody(page, "发布时的正文。\n");
  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(notice.published);
  await fillBody(page, "发布后又改的正文。\n");
  await clickButton(page, "save");
  await expect(editorStatus(page)).toHaveText(notice.saved);
  await clickButton(page, "unpublish");
  await expect(editorStatus(page)).toHaveText(notice.unpublished);
  expect((await page.request.get(postUrl(slug))).status()).toBe(404);

  await page.goto(`/admin/posts/${encodeURIComponent(slug)}/revisions`);
  await expect(history(page).locator("td[data-action]")).toHaveText([
    /^(取消发布|unpublished)$/,
    /^(编辑|edited)$/,
    /^(发布|published)$/,
    /^(创建|created)$/,
  ]);

  // Version 3 was published; the post is a draft now. Restoring asks, and "as draft" keeps it from readers.
  await viewVersion(page, slug, 3);
  await expect(page.getByTestId("revision-status")).toContainText(/已发布|published/);
  await page.getByRole("button", { name: /^(恢复此版本|Restore this revision)$/ }).click();
  const question = page.getByRole("dialog");
  await expect(question).toContainText(/这个版本是已发布的|This version was published/);
  await question.getByRole("button", { name: /^(取消|Cancel)$/ }).click();
  await expect(question).toBeHidden();
  await expect(history(page)).toHaveCount(5);

  await page.getByRole("button", { name: /^(恢复此版本|Restore this revision)$/ }).click();
  await question.getByRole("button", { name: /^(恢复为草稿|Restore as draft)$/ }).click();
  await expect(page.getByText(/已恢复版本 3|Restored version 3/).first()).toBeVisible();
  await expect(history(page)).toHaveCount(6);
  expect((await page.request.get(postUrl(slug))).status()).toBe(404);

  // Asked again, "restore and publish" puts it back in front of readers.
  await viewVersion(page, slug, 3);
  await page.getByRole("button", { name: /^(恢复此版本|Restore this revision)$/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: /^(恢复并发布|Restore and publish)$/ }).click();
  await expect(page.getByText(/已恢复版本 3|Restored version 3/).first()).toBeVisible();
  const reader = await page.request.get(postUrl(slug));
  expect(reader.status()).toBe(200);
  expect(await reader.text()).toContain("发布后又改的正文。");

  // A draft version onto a published post asks too; keeping it published leaves readers' page up.
  await viewVersion(page, slug, 1);
  await page.getByRole("button", { name: /^(恢复此版本|Restore this revision)$/ }).click();
  await expect(page.getByRole("dialog")).toContainText(/这个版本是草稿|This version was a draft/);
  await page.getByRole("dialog").getByRole("button", { name: /^(恢复并保持发布|Restore and keep it published)$/ }).click();
  await expect(page.getByText(/已恢复版本 1|Restored version 1/).first()).toBeVisible();
  const kept = await page.request.get(postUrl(slug));
  expect(kept.status()).toBe(200);
  expect(await kept.text()).toContain("草稿正文。");
});
