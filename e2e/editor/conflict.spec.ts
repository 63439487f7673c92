import { expect, test, type Page } from "@playwright/test";
import {
  bodyValue,
  clickButton,
  createPost,
  editorStatus,
  editUrl,
  fillBody,
  fillSignIn,
  notice,
  signIn,
  unique,
} from "./support";

const bringBack = /^(恢复未保存的文字|Bring back unsaved text)$/;

/** The local backup of a post's unsaved text, as the editor keeps it in localStorage. */
function backupOf(page: Page, slug: string): Promise<string | null> {
  return page.evaluate((key) => window.localStorage.getItem(key), `digest:editor-backup:post:${slug}`);
}

test("two tabs editing one post: the second save is refused, keeps its text and can overwrite deliberately", async ({ page }) => {
  await signIn(page);
  const title = `并发编辑 ${unique("conflict")}`;
  const slug = await createPost(page, { title, body: "原始正文。\n" });

  const first = await page.context().newPage();
  const second = await page.context().newPage();
  await first.goto(editUrl(slug));
  await second.goto(editUrl(slug));

  await fillBody(first, "第一个标签页的修改。\n");
  await clickButton(first, "save");
  await expect(editorStatus(first)).toHaveText(notice.saved);

  await fillBody(second, "第二个标签页的修改。\n");
  await clickButton(second, "save");
  const conflict = second.getByRole("alert").filter({ hasText: /有人修改了这篇文章|Someone else changed this post/ });
  await expect(conflict).toContainText(/别人保存了新的版本|changed by someone else since you opened it/);
  await expect(bodyValue(second)).toHaveValue("第二个标签页的修改。\n");

  await conflict.getByText(/与另一个版本比较|Compare with the other version/).click();
  await expect(conflict.locator('tr[data-change="removed"]')).toContainText("第一个标签页的修改。");
  await expect(conflict.locator('tr[data-change="added"]')).toContainText("第二个标签页的修改。");
  // Inside the changed line, the characters that differ are marked.
  await expect(conflict.locator('tr[data-change="removed"] del')).toHaveText("一");
  await expect(conflict.locator('tr[data-change="added"] ins')).toHaveText("二");

  await conflict.getByRole("button", { name: /用我的版本覆盖|Overwrite with my version/ }).click();
  await expect(editorStatus(second)).toHaveText(notice.saved);
  await second.reload();
  await expect(bodyValue(second)).toHaveValue("第二个标签页的修改。\n");
});

test("an expired session sends the editor to sign in and back, with the typed text kept", async ({ page, context }) => {
  await signIn(page);
  const title = `会话过期 ${unique("session")}`;
  const slug = await createPost(page, { title, body: "已保存的正文。\n" });

  await fillBody(page, "尚未保存的正文。\n");
  // An expired session: the cookie is still sent but no longer proves anything.
  await context.clearCookies();
  await context.addCookies([{ name: "authjs.session-token", value: "expired", url: new URL(page.url()).origin }]);
  await clickButton(page, "save");
  await expect(page).toHaveURL(/\/admin\/login\?callbackUrl=%2Fadmin%2Fposts%2F/);
  expect(await backupOf(page, slug)).toContain("尚未保存的正文。");

  await fillSignIn(page);
  await expect(page).toHaveURL(new RegExp(`${encodeURIComponent(slug)}/edit$`));
  // The page shows what is stored, and offers the text this browser kept.
  await expect(bodyValue(page)).toHaveValue("已保存的正文。\n");
  await page.getByRole("button", { name: bringBack }).click();
  await expect(bodyValue(page)).toHaveValue("尚未保存的正文。\n");
  await clickButton(page, "save");
  await expect(editorStatus(page)).toHaveText(notice.saved);
});

test("a session that is gone altogether (no cookie) also sends the editor to sign in, and the text stays", async ({ page, context }) => {
  await signIn(page);
  const slug = await createPost(page, { title: `无会话 ${unique("nocookie")}`, body: "已保存。\n" });
  await fillBody(page, "没有会话时输入的文字。\n");
  await context.clearCookies();
  await clickButton(page, "save");
  await expect(page).toHaveURL(/\/admin\/login\?callbackUrl=/);
  await fillSignIn(page);
  await page.getByRole("button", { name: bringBack }).click();
  await expect(bodyValue(page)).toHaveValue("没有会话时输入的文字。\n");
  expect(page.url()).toContain(encodeURIComponent(slug));
});

test("unsaved text survives a reload", async ({ page }) => {
  await signIn(page);
  const slug = await createPost(page, { title: `刷新 ${unique("reload")}`, body: "已保存。\n" });
  await fillBody(page, "刷新前没保存的文字。\n");
  // The backup is written after a pause in typing; wait for it rather than for a fixed time.
  await expect.poll(() => backupOf(page, slug)).toContain("刷新前没保存的文字。");
  page.on("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expect(bodyValue(page)).toHaveValue("已保存。\n");
  await page.getByRole("button", { name: bringBack }).click();
  await expect(bodyValue(page)).toHaveValue("刷新前没保存的文字。\n");
});

test("leaving with unsaved changes asks first", async ({ page }) => {
  await signIn(page);
  const slug = await createPost(page, { title: `离开提示 ${unique("leave")}`, body: "正文。\n" });
  await fillBody(page, "改了但没保存。\n");
  const postsLink = page.getByRole("navigation", { name: /^(管理|Admin)$/ }).getByRole("link", { name: /^(文章|Posts)$/ });

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toMatch(/未保存的更改|unsaved changes/);
    void dialog.dismiss();
  });
  await postsLink.click();
  await expect(page).toHaveURL(new RegExp(encodeURIComponent(slug)));
  await expect(bodyValue(page)).toHaveValue("改了但没保存。\n");

  page.once("dialog", (dialog) => void dialog.accept());
  await postsLink.click();
  await expect(page).toHaveURL(/\/admin$/);
});
