import { expect, test } from "@playwright/test";
import { e2eEditor } from "../sites";
import { createPost, editorStatus, signIn, unique } from "./support";

test("the revision list shows each save and an old revision can be compared and restored", async ({ page }) => {
  await signIn(page);
  const title = `修订历史 ${unique("rev")}`;
  const slug = await createPost(page, { title, body: "第一版正文。\n共同的一行。\n" });

  await page.getByLabel("Body").fill("第二版正文。\n共同的一行。\n");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editorStatus(page)).toHaveText("Saved");

  await page.getByRole("link", { name: "Revisions" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/posts/${encodeURIComponent(slug)}/revisions`));
  const rows = page.getByRole("table").first().getByRole("row");
  // Header + two saves, newest first, with who made them.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("update");
  await expect(rows.nth(1)).toContainText(e2eEditor.email);
  await expect(rows.nth(2)).toContainText("create");

  await rows.nth(2).getByRole("link", { name: /View version/ }).click();
  await expect(page).toHaveURL(/\?revision=/);
  const diff = page.locator("table").nth(1);
  await expect(diff.locator('tr[data-change="removed"]')).toContainText("第一版正文。");
  await expect(diff.locator('tr[data-change="added"]')).toContainText("第二版正文。");
  await expect(diff.locator('tr[data-change="removed"]')).toContainText("Removed:");

  await page.getByRole("button", { name: "Restore this revision" }).click();
  await expect(page.getByText(/Restored version \d+/).first()).toBeVisible();
  await expect(page.getByRole("table").first().getByRole("row")).toHaveCount(4);

  await page.goto(`/admin/posts/${encodeURIComponent(slug)}/edit`);
  await expect(page.getByLabel("Body")).toHaveValue("第一版正文。\n共同的一行。\n");
});
