import { expect, test } from "@playwright/test";
import { clickButton, createPost, editUrl, notice, signIn, unique } from "./support";

test("a post published in /admin is findable at once; unpublished or deleted it is not", async ({ page, request }) => {
  await signIn(page);
  const word = unique("zq").replace(/-/g, "");
  const phrase = "弹性伸缩观测实验";
  const slug = await createPost(page, { title: `搜索跟随编辑 ${word}`, tags: "搜索测试", body: `正文包含${phrase}与 ${word}。` });

  const find = async (q: string) => (await (await request.get(`/search/api?q=${encodeURIComponent(q)}`)).json()) as { total: number; results: { post: { slug: string } }[] };
  // A draft is never found.
  expect((await find(word)).total).toBe(0);

  await clickButton(page, "publish");
  await expect(page.getByTestId("editor-status")).toHaveText(notice.published);
  const published = Date.now();
  await expect.poll(async () => (await find(word)).results.map((r) => r.post.slug), { timeout: 1000 }).toContain(slug);
  expect(Date.now() - published).toBeLessThan(1000);
  expect((await find(`${phrase} ${word}`)).results[0]?.post.slug).toBe(slug);

  // The page version of search finds it too, with the match highlighted.
  await page.goto(`/search?q=${encodeURIComponent(word)}`);
  await expect(page.getByTestId("search-result").first().locator("mark").first()).toBeVisible();

  await page.goto(editUrl(slug));
  await clickButton(page, "unpublish");
  await expect(page.getByTestId("editor-status")).toHaveText(notice.unpublished);
  await expect.poll(async () => (await find(word)).total, { timeout: 1000 }).toBe(0);
});
