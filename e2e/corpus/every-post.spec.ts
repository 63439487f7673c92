import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { corpusContentDir } from "../sites";

/**
 * How many posts the corpus site must publish, counted from its files without Digest's loader: every Markdown file
 * less those whose front matter says `draft: true` or `published: false`. The full corpus and the sample differ.
 */
function expectedPublishedPosts(): number {
  const files = readdirSync(corpusContentDir).filter((name) => /\.(md|mdx|markdown)$/.test(name));
  const drafts = files.filter((name) => {
    const text = readFileSync(path.join(corpusContentDir, name), "utf8");
    const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
    return /^(?:draft:[ \t]*true|published:[ \t]*false)[ \t]*$/m.test(frontMatter);
  });
  expect(files.length).toBeGreaterThan(40);
  expect(drafts.length).toBeGreaterThan(0);
  return files.length - drafts.length;
}

test("every post of the real corpus renders a page", async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+\/posts\/[^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(urls.length).toBe(expectedPublishedPosts());
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
