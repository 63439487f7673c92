import { expect, test } from "@playwright/test";
import { button, clickButton, createPost, editorStatus, editUrl, field, notice, postUrl, signIn, unique } from "./support";

test("delete asks first, hides the post from readers, and Restore brings it back", async ({ page }) => {
  await signIn(page);
  const title = `删除与恢复 ${unique("del")}`;
  const slug = await createPost(page, { title, body: "将被删除的正文。\n" });
  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(notice.published);
  expect((await page.request.get(postUrl(slug))).status()).toBe(200);

  // Dismissing the confirmation keeps the post.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await clickButton(page, "delete");
  await expect(field(page, "title")).toHaveValue(title);
  expect((await page.request.get(postUrl(slug))).status()).toBe(200);

  page.once("dialog", (dialog) => {
    expect(dialog.type()).toBe("confirm");
    expect(dialog.message()).toMatch(/删除这篇文章？|Delete this post\?/);
    void dialog.accept();
  });
  await clickButton(page, "delete");
  await expect(page.getByRole("heading", { name: /^(这篇文章已删除|This post is deleted)$/ })).toBeVisible();
  expect((await page.request.get(postUrl(slug))).status()).toBe(404);

  await page.goto(`/admin?status=deleted&q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText(/已删除|deleted/);

  await page.goto(editUrl(slug));
  await page.getByRole("button", { name: button.restore }).click();
  await expect(editorStatus(page)).toHaveText(notice.restored);
  await expect(field(page, "title")).toHaveValue(title);
  expect((await page.request.get(postUrl(slug))).status()).toBe(200);

  // The history tells it as it happened.
  await page.goto(`/admin/posts/${encodeURIComponent(slug)}/revisions`);
  await expect(page.getByRole("table").first().locator("td[data-action]")).toHaveText([
    /^(从删除中恢复|restored from deletion)$/,
    /^(删除|deleted)$/,
    /^(发布|published)$/,
    /^(创建|created)$/,
  ]);
});
