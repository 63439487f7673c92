import { expect, test } from "@playwright/test";
import { clickButton, createPost, editorStatus, notice, postUrl, signIn, unique } from "./support";

test("MDX expressions in a body are never executed, in the preview or on the published page", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page);
  const body = [
    "# 安全测试",
    "",
    "计算结果：{6 * 7}",
    "",
    "{process.exit(1)}",
    "",
    "环境：{JSON.stringify(process.env)}",
    "",
    '<span onClick={alert("xss")}>点我</span>',
    "",
    "export const leaked = 1",
    "",
  ].join("\n");
  const slug = await createPost(page, { title: `MDX 安全 ${unique("mdx")}`, format: "mdx", body });

  const preview = page.getByTestId("preview-content");
  await expect(preview).toContainText("计算结果：");
  await expect(preview).not.toContainText("42");
  await expect(preview).not.toContainText("AUTH_SECRET");
  await preview.getByText("点我").click();

  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(notice.published);

  // The server survived `process.exit` and serves the post with the expressions removed.
  const response = await page.goto(postUrl(slug));
  expect(response?.status()).toBe(200);
  const article = page.getByTestId("post");
  await expect(article).toContainText("计算结果：");
  await expect(article).not.toContainText("42");
  await expect(article).not.toContainText("AUTH_SECRET");
  await article.getByText("点我").click();
  expect(dialogs).toEqual([]);
});
