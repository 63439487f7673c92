import { expect, test } from "@playwright/test";

const kthena = "云原生技术动态：Kubernetes新特性与LLM推理创新";
const cncf = "云原生技术动态：Kubernetes成为AI基础设施核心与CNCF项目新发展";

test("the header search box leads to highlighted results for a mixed query", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("banner").getByLabel("搜索文章");
  await box.fill("KV 缓存");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=KV(\+|%20)%E7%BC%93%E5%AD%98/);
  await expect(page).toHaveTitle(/^搜索：KV 缓存/);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  const results = page.getByTestId("search-result");
  await expect(results).toHaveCount(1);
  await expect(results.first().getByRole("heading")).toHaveText(kthena);
  await expect(results.first().locator("mark").first()).toContainText("缓存");
});

test("ranks a title match first and marks it in the title", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("AI基础设施")}`);
  const first = page.getByTestId("search-result").first();
  await expect(first.getByRole("heading")).toHaveText(cncf);
  await expect(first.getByRole("heading").locator("mark")).toHaveText("AI基础设施");
});

test("works without JavaScript: a plain GET form", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/search");
  await page.getByLabel("搜索关键词").fill("Kubernetes 调度器");
  await page.getByRole("main").getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=Kubernetes/);
  await expect(page.getByTestId("search-result").first().getByRole("heading")).toHaveText(kthena);
  await expect(page.getByTestId("search-result").first().locator("mark").first()).toBeVisible();
  await context.close();
});

test("updates as you type without leaving the page", async ({ page }) => {
  await page.goto("/search");
  await page.evaluate(() => {
    (window as unknown as { stayed: boolean }).stayed = true;
  });
  await page.getByLabel("搜索关键词").pressSequentially("Kthena", { delay: 30 });
  await expect(page.getByTestId("search-result")).toHaveCount(1);
  await expect(page.getByTestId("search-result").first().getByRole("heading")).toHaveText(kthena);
  await expect(page.getByRole("status")).toHaveText("找到 1 篇文章");
  await expect(page).toHaveURL(/\/search\?q=Kthena$/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test("says so when nothing matches", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("完全不存在的词语")}`);
  await expect(page.getByTestId("search-empty")).toContainText("没有找到");
  await expect(page.getByTestId("search-result")).toHaveCount(0);
});

test("the JSON route answers with highlight parts, not HTML", async ({ request }) => {
  const response = await request.get(`/search/api?q=${encodeURIComponent("推理")}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as {
    total: number;
    page: number;
    results: { post: { slug: string; body?: string }; snippet: { text: string; match: boolean }[] }[];
  };
  expect(body.total).toBeGreaterThanOrEqual(1);
  expect(body.page).toBe(1);
  const hit = body.results[0];
  expect(hit.post.body).toBeUndefined();
  expect(hit.snippet.some((part) => part.match && part.text.includes("推理"))).toBe(true);
});
