import { expect, test } from "@playwright/test";

const newer = "云原生技术动态：Kubernetes新特性与LLM推理创新";
const older = "云原生技术动态：Kubernetes成为AI基础设施核心与CNCF项目新发展";

test("home lists the seed posts newest first with their details", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const entries = page.getByTestId("post-entry");
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0).getByRole("heading")).toHaveText(newer);
  await expect(entries.nth(1).getByRole("heading")).toHaveText(older);

  const first = entries.nth(0);
  await expect(first.locator("time")).toHaveText("2026年2月4日");
  await expect(first).toContainText("云原生观察");
  await expect(first).toContainText(/约 \d+ 分钟读完/);
  await expect(first.getByRole("link", { name: "云原生", exact: true }).first()).toHaveAttribute("href", "/categories/cloud-native");
  await expect(first.getByRole("link", { name: "#kthena" })).toBeVisible();
  // The excerpt is the first paragraph, not the repeated title heading.
  await expect(first).toContainText("本周云原生领域迎来多项重要更新");
  await expect(page).toHaveTitle("Digest · 云原生技术动态");
});

test("has landmarks, a canonical URL and a description", async ({ page, baseURL }) => {
  await page.goto("/");
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^${baseURL}/?$`));
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /云原生/);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
});

test("paginates when there are more posts than a page holds", async ({ page }) => {
  // Two seed posts at ten a page: one page, and an out-of-range page falls back to the last one.
  await page.goto("/?page=99");
  await expect(page.getByTestId("post-entry")).toHaveCount(2);
  await expect(page.getByRole("navigation", { name: "分页" })).toHaveCount(0);
});
