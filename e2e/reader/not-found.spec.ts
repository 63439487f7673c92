import { expect, test, type Page } from "@playwright/test";

/** A missing post, a missing tag and a URL no route matches: all must be the same one 404 page. */
const missing = ["/posts/no-such-post", "/tags/no-such-tag", "/categories/no-such-category", "/no/such/page"];

async function expectOneNotFoundPage(page: Page, path: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("404 · 找不到这个页面");
  await expect(page.locator("h1"), path).toHaveCount(1);
  // Exactly one site header and one footer: the 404 content sits inside the chrome, never beside a second copy.
  await expect(page.getByRole("banner"), path).toHaveCount(1);
  await expect(page.getByRole("contentinfo"), path).toHaveCount(1);
  await expect(page.getByRole("main"), path).toHaveCount(1);
  await expect(page.getByRole("main").getByRole("link", { name: "返回首页" }), path).toHaveAttribute("href", "/");
  await expect(page.locator('meta[name="robots"]').first(), path).toHaveAttribute("content", /noindex/);
}

test("with JavaScript: one header, one footer, status 404", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  for (const path of missing) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await page.waitForLoadState("networkidle");
    await expectOneNotFoundPage(page, path);
  }
  expect(errors).toEqual([]);
});

test("without JavaScript: the same page, rendered on the server", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of missing) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expectOneNotFoundPage(page, path);
  }
  await context.close();
});

test("the 404 page's search box works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/posts/no-such-post");
  await page.getByRole("main").getByLabel("搜索文章").fill("Kthena");
  await page.getByRole("main").getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=Kthena$/);
  await expect(page.getByTestId("search-result")).toHaveCount(1);
  await context.close();
});
