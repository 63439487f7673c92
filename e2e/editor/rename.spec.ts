import { expect, test } from "@playwright/test";
import { clickButton, createPost, editorStatus, field, notice, openSettings, signIn, unique } from "./support";

test("renaming a slug keeps the old URL working with a permanent redirect; feed and sitemap follow", async ({ page, request }) => {
  await signIn(page);
  const oldSlug = unique("old-name");
  const newSlug = unique("new-name");
  await createPost(page, { title: `改名测试 ${oldSlug}`, slug: oldSlug, body: "改名前后的正文。" });
  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(notice.published);

  await openSettings(page);
  await field(page, "slug").fill(newSlug);
  await expect(page.getByTestId("slug-preview")).toContainText(`/posts/${newSlug}`);
  await clickButton(page, "save");
  await expect(page).toHaveURL(new RegExp(`/admin/posts/${newSlug}/edit`));

  const old = await request.get(`/posts/${oldSlug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers()["location"]).toMatch(new RegExp(`/posts/${newSlug}$`));
  const moved = await request.get(`/posts/${newSlug}`);
  expect(moved.status()).toBe(200);
  expect(await moved.text()).toContain("改名前后的正文。");

  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/posts/${newSlug}<`);
  expect(sitemap).not.toContain(`/posts/${oldSlug}<`);
  const feed = await (await request.get("/feed.xml")).text();
  expect(feed).toContain(`/posts/${newSlug}<`);
});
