import { expect, test } from "@playwright/test";
import { createPost, editorStatus, editUrl, postUrl, signIn, unique } from "./support";

test("delete asks first, hides the post from readers, and Restore brings it back", async ({ page }) => {
  await signIn(page);
  const title = `删除与恢复 ${unique("del")}`;
  const slug = await createPost(page, { title, body: "将被删除的正文。\n" });
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editorStatus(page)).toHaveText("Published");
  expect((await page.request.get(postUrl(slug))).status()).toBe(200);

  // Dismissing the confirmation keeps the post.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  expect((await page.request.get(postUrl(slug))).status()).toBe(200);

  page.once("dialog", (dialog) => {
    expect(dialog.type()).toBe("confirm");
    void dialog.accept();
  });
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("heading", { name: "This post is deleted" })).toBeVisible();
  expect((await page.request.get(postUrl(slug))).status()).toBe(404);

  await page.goto(`/admin?status=deleted&q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("deleted");

  await page.goto(editUrl(slug));
  await page.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(editorStatus(page)).toHaveText("Restored");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  expect((await page.request.get(postUrl(slug))).status()).toBe(200);
});
