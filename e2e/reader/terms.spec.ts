import { expect, test } from "@playwright/test";

/** content/terms.yaml names `cloud-native` 云原生 (with a description) and `llm` 大语言模型; URLs keep the names posts use. */

test("a term page shows the display name and description under the stable URL", async ({ page }) => {
  const response = await page.goto("/categories/cloud-native");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("分类：云原生");
  await expect(page.getByRole("main")).toContainText("Kubernetes、CNCF 项目与云原生基础设施的每周动态。");
  await expect(page).toHaveTitle(/^分类：云原生 · /);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", "Kubernetes、CNCF 项目与云原生基础设施的每周动态。");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/categories\/cloud-native$/);

  await page.goto("/tags/llm");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("标签：大语言模型");
  // A tag without a configured name shows as posts spell it.
  await page.goto("/tags/kthena");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("标签：kthena");
});

test("lists, the filter bar and the index pages use display names and link to the stable URLs", async ({ page }) => {
  await page.goto("/");
  const sidebar = page.getByTestId("filter-sidebar");
  await expect(sidebar.getByRole("link", { name: /^云原生 2$/ })).toHaveAttribute("href", "/?category=cloud-native");
  await expect(sidebar.getByRole("link", { name: /^大语言模型 1$/ })).toHaveAttribute("href", "/?tag=llm");
  await expect(page.getByTestId("post-entry").first().getByRole("link", { name: "#大语言模型" })).toHaveAttribute("href", "/tags/llm");

  await page.goto("/tags");
  await expect(page.getByTestId("term-index").getByRole("link", { name: /大语言模型/ })).toHaveAttribute("href", "/tags/llm");
});

test("feeds carry the display names: the term feed's title and each item's categories", async ({ request }) => {
  const termFeed = await (await request.get("/categories/cloud-native/feed.xml")).text();
  expect(termFeed).toMatch(/<title><!\[CDATA\[分类：云原生 · [^\]]+\]\]><\/title>|<title>分类：云原生 · [^<]+<\/title>/);
  const feed = await (await request.get("/feed.xml")).text();
  expect(feed).toMatch(/<category domain="[^"]+\/tags\/llm">(<!\[CDATA\[)?大语言模型(\]\]>)?<\/category>/);
  expect(feed).toMatch(/<category domain="[^"]+\/categories\/cloud-native">(<!\[CDATA\[)?云原生(\]\]>)?<\/category>/);
  const atom = await (await request.get("/atom.xml")).text();
  expect(atom).toMatch(/<category label="大语言模型" scheme="[^"]+\/tags\/" term="llm"\/>/);
});
