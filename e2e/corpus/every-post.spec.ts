import { expect, test } from "@playwright/test";

test("every post of the real corpus renders a page", async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+\/posts\/[^<]+)<\/loc>/g)].map((m) => m[1]);
  // 231 files, 3 of them drafts.
  expect(urls.length).toBe(228);
  const failures: string[] = [];
  for (const url of urls) {
    const response = await request.get(url.replace(/^https?:\/\/[^/]+/, baseURL!));
    const html = await response.text();
    if (response.status() !== 200 || !html.includes('data-testid="post"')) failures.push(`${response.status()} ${url}`);
  }
  expect(failures).toEqual([]);
});

test("searching a distinctive phrase from a corpus post body finds that post in the top 3", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("Dockershim 向来都是一个临时解决方案")}`);
  const top = page.getByTestId("search-result").filter({ hasText: "弃用 Dockershim 的常见问题" });
  await expect(top).toHaveCount(1);
  const titles = await page.getByTestId("search-result").locator("h2, h3").allTextContents();
  expect(titles.slice(0, 3).some((t) => t.includes("弃用 Dockershim 的常见问题"))).toBe(true);
  await expect(top.locator("mark").first()).toBeVisible();
});
