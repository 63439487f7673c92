import { expect, test } from "@playwright/test";

const entries = (page: import("@playwright/test").Page) => page.getByTestId("post-entry");

test("filter by tag", async ({ page }) => {
  await page.goto("/?tag=kthena");
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText("Kthena");
  await expect(page.getByTestId("active-filter")).toHaveText(/标签：kthena/);
});

test("filter by category", async ({ page }) => {
  await page.goto("/?category=cloud-native");
  await expect(entries(page)).toHaveCount(2);
});

test("tag and category combine, and each filter can be removed", async ({ page }) => {
  await page.goto("/?tag=survey&category=cloud-native");
  await expect(entries(page)).toHaveCount(1);
  await expect(page.getByTestId("active-filter")).toHaveCount(2);
  // Chips show display names (content/terms.yaml); the URL keeps the names posts use.
  await page.getByRole("link", { name: "移除筛选 标签：调查报告" }).click();
  await expect(page).toHaveURL(/\?category=cloud-native$/);
  await expect(entries(page)).toHaveCount(2);
  await page.getByRole("link", { name: "移除筛选 分类：云原生" }).click();
  await expect(page.getByTestId("active-filter")).toHaveCount(0);
});

test("several tags must all match; tags compare case-insensitively", async ({ page }) => {
  await page.goto("/?tag=AI&tag=survey");
  await expect(entries(page)).toHaveCount(1);
  await page.goto("/?tag=ai&tag=kthena");
  await expect(entries(page)).toHaveCount(0);
  await expect(page.getByText("没有符合条件的文章")).toBeVisible();
});

test("the filter bar adds filters to the ones in force", async ({ page }) => {
  await page.goto("/?category=cloud-native");
  await page.getByRole("link", { name: /^大语言模型 1$/ }).click();
  await expect(page).toHaveURL(/tag=llm/);
  await expect(page).toHaveURL(/category=cloud-native/);
  await expect(entries(page)).toHaveCount(1);
});

test("tag and category index pages show counts; term pages list posts", async ({ page }) => {
  await page.goto("/tags");
  const kubernetes = page.getByTestId("term-index").getByRole("link", { name: /Kubernetes/ });
  await expect(kubernetes).toContainText("2");
  await kubernetes.click();
  await expect(page).toHaveURL(/\/tags\/kubernetes$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("标签：Kubernetes");
  await expect(entries(page)).toHaveCount(2);

  await page.goto("/categories");
  await page.getByTestId("term-index").getByRole("link", { name: /云原生/ }).click();
  await expect(page).toHaveURL(/\/categories\/cloud-native$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("分类：云原生");
  await expect(entries(page)).toHaveCount(2);

  const missing = await page.goto("/tags/no-such-tag");
  expect(missing?.status()).toBe(404);
  // Another spelling of a tag redirects to the canonical one.
  await page.goto("/tags/KTHENA");
  await expect(page).toHaveURL(/\/tags\/kthena$/);
});
