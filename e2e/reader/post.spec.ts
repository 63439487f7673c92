import { expect, test } from "@playwright/test";

const slug = "kubernetes-ai-infrastructure-cncf";
const title = "云原生技术动态：Kubernetes成为AI基础设施核心与CNCF项目新发展";

test("a post page shows the Chinese title, body, source, TOC and metadata", async ({ page }) => {
  const response = await page.goto(`/posts/${slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // The body's own repeated H1 is dropped: exactly one h1 on the page.
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.getByTestId("post")).toContainText("Kubernetes的生产环境使用率已达82%");
  const source = page.getByTestId("post-source").getByRole("link");
  await expect(source).toHaveAttribute(
    "href",
    "https://www.cncf.io/blog/2026/01/20/kubernetes-fuels-ai-growth-organizational-culture-remains-the-decisive-factor/",
  );
  const toc = page.getByRole("navigation", { name: "目录" });
  await expect(toc.getByRole("link", { name: "主要新闻" })).toBeVisible();
  await toc.getByRole("link", { name: "分析" }).click();
  await expect(page).toHaveURL(/#/);

  const header = page.getByTestId("post").locator("header").first();
  await expect(header.getByRole("link", { name: "#kubernetes" })).toHaveAttribute("href", "/tags/kubernetes");
  await expect(header.getByRole("link", { name: "云原生", exact: true })).toHaveAttribute("href", "/categories/cloud-native");
  await expect(page.getByRole("navigation", { name: "上一篇和下一篇" })).toContainText("Kubernetes新特性与LLM推理创新");

  await expect(page).toHaveTitle(`${title} · Digest · 云原生技术动态`);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute("content", /^2026-01-26/);
  await expect(page.locator('meta[property="article:tag"]').first()).toHaveAttribute("content", "kubernetes");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/posts/${slug}$`));
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd["@type"]).toBe("Article");
  expect(jsonLd.headline).toBe(title);
});

test("headings get anchors and code-free posts ship no client component of their own", async ({ page }) => {
  await page.goto(`/posts/${slug}`);
  const heading = page.getByRole("heading", { name: "分析", level: 2 });
  await expect(heading).toHaveAttribute("id", "分析");
});

test("related posts share tags", async ({ page }) => {
  await page.goto(`/posts/${slug}`);
  const related = page.getByRole("region", { name: "相关文章" });
  await expect(related.getByRole("link", { name: /Kubernetes新特性与LLM推理创新/ })).toBeVisible();
});
