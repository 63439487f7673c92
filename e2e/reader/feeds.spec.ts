import { expect, test, type Page } from "@playwright/test";

async function parseXml(page: Page, xml: string): Promise<{ error: string | null; links: string[]; titles: string[] }> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const error = doc.querySelector("parsererror")?.textContent ?? null;
    const links = [...doc.querySelectorAll("item > link, entry > link, url > loc")].map((n) => n.getAttribute("href") ?? n.textContent ?? "");
    const titles = [...doc.querySelectorAll("item > title, entry > title")].map((n) => n.textContent ?? "");
    return { error, links, titles };
  }, xml);
}

test("RSS feed is valid XML listing the posts with absolute links", async ({ page, request, baseURL }) => {
  const response = await request.get("/feed.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("xml");
  const xml = await response.text();
  expect(xml).toContain("<rss");
  await page.goto("/robots.txt");
  const feed = await parseXml(page, xml);
  expect(feed.error).toBeNull();
  expect(feed.titles).toEqual(["云原生技术动态：Kubernetes新特性与LLM推理创新", "云原生技术动态：Kubernetes成为AI基础设施核心与CNCF项目新发展"]);
  for (const link of feed.links) expect(link.startsWith(`${baseURL}/posts/`)).toBe(true);
});

test("Atom feed and per-tag feed parse too", async ({ page, request }) => {
  await page.goto("/robots.txt");
  const atom = await parseXml(page, await (await request.get("/atom.xml")).text());
  expect(atom.error).toBeNull();
  expect(atom.titles).toHaveLength(2);
  const tagFeed = await parseXml(page, await (await request.get("/tags/kthena/feed.xml")).text());
  expect(tagFeed.error).toBeNull();
  expect(tagFeed.titles).toEqual(["云原生技术动态：Kubernetes新特性与LLM推理创新"]);
});

test("sitemap lists every post, robots points at it", async ({ page, request, baseURL }) => {
  const sitemap = await parseXml(page, await (await request.get("/sitemap.xml")).text());
  expect(sitemap.error).toBeNull();
  expect(sitemap.links).toContain(`${baseURL}/posts/kubernetes-ai-infrastructure-cncf`);
  expect(sitemap.links).toContain(`${baseURL}/posts/kubernetes-llm-inference-kthena`);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toMatch(/Disallow: \/admin/);
  expect(robots).toMatch(/Disallow: \/search\/api/);
  expect(robots).not.toMatch(/Disallow: \/search\n/);
});
