import { expect, test } from "@playwright/test";
import { createPost, editorStatus, editUrl, signIn, unique } from "./support";

test("two tabs editing one post: the second save is refused, keeps its text and can overwrite deliberately", async ({
  page,
}) => {
  await signIn(page);
  const title = `并发编辑 ${unique("conflict")}`;
  const slug = await createPost(page, { title, body: "原始正文。\n" });

  const first = await page.context().newPage();
  const second = await page.context().newPage();
  await first.goto(editUrl(slug));
  await second.goto(editUrl(slug));

  await first.getByLabel("Body").fill("第一个标签页的修改。\n");
  await first.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editorStatus(first)).toHaveText("Saved");

  await second.getByLabel("Body").fill("第二个标签页的修改。\n");
  await second.getByRole("button", { name: "Save", exact: true }).click();
  const conflict = second.getByRole("alert").filter({ hasText: "Someone else changed this post" });
  await expect(conflict).toContainText("This post was changed by someone else since you opened it");
  await expect(second.getByLabel("Body")).toHaveValue("第二个标签页的修改。\n");

  await conflict.getByText("Compare with the other version").click();
  await expect(conflict.locator('tr[data-change="removed"]')).toContainText("第一个标签页的修改。");
  await expect(conflict.locator('tr[data-change="added"]')).toContainText("第二个标签页的修改。");

  await conflict.getByRole("button", { name: "Overwrite with my version" }).click();
  await expect(editorStatus(second)).toHaveText("Saved");
  await second.reload();
  await expect(second.getByLabel("Body")).toHaveValue("第二个标签页的修改。\n");
});

test("an expired session keeps the text, and unsaved text survives a reload", async ({ page, context }) => {
  await signIn(page);
  const title = `会话过期 ${unique("session")}`;
  await createPost(page, { title, body: "已保存的正文。\n" });

  await page.getByLabel("Body").fill("尚未保存的正文。\n");
  // An expired session: the cookie is still sent but no longer proves anything.
  await context.clearCookies();
  await context.addCookies([{ name: "authjs.session-token", value: "expired", url: new URL(page.url()).origin }]);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editorStatus(page)).toHaveText(/Your session has expired — sign in again in another tab; your text is still here/);
  await expect(page.getByLabel("Body")).toHaveValue("尚未保存的正文。\n");

  // The browser backup outlives the page: sign in again, reload, and bring the text back.
  const other = await context.newPage();
  await signIn(other);
  await other.close();
  await page.waitForTimeout(1_200);
  page.on("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByLabel("Body")).toHaveValue("已保存的正文。\n");
  await page.getByRole("button", { name: "Bring back unsaved text" }).click();
  await expect(page.getByLabel("Body")).toHaveValue("尚未保存的正文。\n");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editorStatus(page)).toHaveText("Saved");
});

test("a session that is gone altogether (no cookie) also reads as expired, and the text stays", async ({ page, context }) => {
  await signIn(page);
  await createPost(page, { title: `无会话 ${unique("nocookie")}`, body: "已保存。\n" });
  await page.getByLabel("Body").fill("没有会话时输入的文字。\n");
  await context.clearCookies();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editorStatus(page)).toHaveText(/Your session has expired — sign in again in another tab; your text is still here/);
  await expect(page.getByLabel("Body")).toHaveValue("没有会话时输入的文字。\n");
});

test("leaving with unsaved changes asks first", async ({ page }) => {
  await signIn(page);
  const slug = await createPost(page, { title: `离开提示 ${unique("leave")}`, body: "正文。\n" });
  await page.getByLabel("Body").fill("改了但没保存。\n");

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("unsaved changes");
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Posts" }).click();
  await expect(page).toHaveURL(new RegExp(encodeURIComponent(slug)));
  await expect(page.getByLabel("Body")).toHaveValue("改了但没保存。\n");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Posts" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});
