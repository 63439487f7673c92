import { expect, test } from "@playwright/test";

const newest = "云原生技术动态：Kubernetes新特性与LLM推理创新";

test("the home page introduces the site and features the latest issue", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Digest · 云原生技术动态");
  await expect(page.getByRole("main")).toContainText("每周云原生技术动态");
  const featured = page.locator('[data-featured="true"]');
  await expect(featured).toHaveCount(1);
  await expect(featured.getByRole("heading", { level: 2 })).toHaveText(newest);
  await expect(featured).toContainText("最新一期");
  await featured.getByRole("link", { name: /阅读本期/ }).click();
  await expect(page).toHaveURL(/\/posts\/kubernetes-llm-inference-kthena$/);
});

test("filters are visible on a desktop, folded on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const sidebar = page.getByTestId("filter-sidebar");
  await expect(sidebar).toBeVisible();
  await expect(sidebar.locator('a[href="/?category=cloud-native"]')).toBeVisible();
  await expect(page.getByText("按分类和标签筛选", { exact: true }).and(page.locator("summary"))).toBeHidden();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(sidebar).toBeHidden();
  const disclosure = page.locator("summary", { hasText: "按分类和标签筛选" });
  await expect(disclosure).toBeVisible();
  await disclosure.click();
  await expect(page.locator("details").locator('a[href="/?category=cloud-native"]')).toBeVisible();
});

test("a filtered list is a plain list: no introduction, no featured issue", async ({ page }) => {
  await page.goto("/?tag=kthena");
  await expect(page.locator('[data-featured="true"]')).toHaveCount(0);
  await expect(page.getByTestId("post-entry")).toHaveCount(1);
});

test("an empty search suggests tags instead of counting zero twice", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("云原生安全合规审计")}`);
  const empty = page.getByTestId("search-empty");
  await expect(empty).toContainText("没有找到");
  await expect(page.getByRole("status")).toHaveText("");
  await expect(page.getByRole("main")).not.toContainText(/(^|[^0-9])0 篇/);
  const suggestions = page.getByTestId("search-suggestions");
  await expect(suggestions).toContainText("相近的标签");
  await expect(suggestions.getByRole("link", { name: /#云原生/ })).toHaveAttribute("href", "/tags/cloud-native");

  // Nothing near at all: the most used tags instead.
  await page.goto(`/search?q=${encodeURIComponent("量子退火")}`);
  await expect(page.getByTestId("search-suggestions")).toContainText("不妨从这些标签看起");
  await expect(page.getByTestId("search-suggestions").getByRole("link").first()).toHaveAttribute("href", /^\/tags\//);
});
