import { expect, test, type Page } from "@playwright/test";

const slug = "kubernetes-ai-infrastructure-cncf";

/**
 * The body column measured in the browser: how many Chinese characters (1 em each) fit on a line of the longest body
 * paragraph, and how many Han characters the fullest rendered line of it really holds.
 */
async function bodyLine(page: Page) {
  return page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll<HTMLParagraphElement>(".reading p")];
    const p = paragraphs.sort((a, b) => (b.textContent ?? "").length - (a.textContent ?? "").length)[0];
    const style = getComputedStyle(p);
    const fontSize = parseFloat(style.fontSize);
    const perLine = new Map<number, number>();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (let i = 0; i < text.length; i++) {
        if (!/\p{Script=Han}/u.test(text[i])) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        perLine.set(top, (perLine.get(top) ?? 0) + 1);
      }
    }
    return {
      fontSize,
      lineHeight: parseFloat(style.lineHeight) / fontSize,
      capacity: p.clientWidth / fontSize,
      fullestLine: Math.max(...perLine.values()),
      lines: perLine.size,
      autospace: style.getPropertyValue("text-autospace"),
      lineBreak: style.getPropertyValue("line-break"),
      text: p.textContent ?? "",
    };
  });
}

test("the body column holds 36–40 Chinese characters a line at 1280 px, at 17 px with generous leading", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/posts/${slug}`);
  const line = await bodyLine(page);
  expect(line.fontSize).toBe(17);
  expect(line.lineHeight).toBeGreaterThanOrEqual(1.8);
  expect(line.capacity).toBeGreaterThanOrEqual(36);
  expect(line.capacity).toBeLessThanOrEqual(40);
  expect(line.lines).toBeGreaterThan(1);
  expect(line.fullestLine).toBeLessThanOrEqual(40);
  expect(line.fullestLine).toBeGreaterThanOrEqual(20);
});

test("at 390 px the column is the screen's width, never wider than the target, without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/posts/${slug}`);
  const line = await bodyLine(page);
  expect(line.capacity).toBeGreaterThanOrEqual(19);
  expect(line.capacity).toBeLessThanOrEqual(40);
  expect(line.fullestLine).toBeLessThanOrEqual(Math.floor(line.capacity));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("Chinese–Latin spacing and strict line breaking come from CSS; the text itself is unchanged", async ({ page }) => {
  await page.goto(`/posts/${slug}`);
  const line = await bodyLine(page);
  expect(line.autospace).toBe("normal");
  expect(line.lineBreak).toBe("strict");
  // The stored text has no space between 年度 and CNCF-style neighbours; none is inserted into the page text.
  await expect(page.getByTestId("post")).toContainText("最新发布的CNCF年度调查显示Kubernetes已从");
});

test("on a phone the table of contents is folded and opens on request", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/posts/${slug}`);
  const toc = page.getByRole("navigation", { name: "目录" });
  await expect(toc).toHaveCount(1);
  const entry = toc.getByRole("link", { name: "分析" });
  await expect(entry).toBeHidden();
  const box = await toc.boundingBox();
  expect(box!.height).toBeLessThan(80);
  await toc.getByText(/^目录/).click();
  await expect(entry).toBeVisible();
});

test("on a wide screen the table of contents stays open beside the body", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/posts/${slug}`);
  const toc = page.getByRole("navigation", { name: "目录" });
  await expect(toc).toHaveCount(1);
  await expect(toc.getByRole("link", { name: "分析" })).toBeVisible();
  const tocBox = await toc.boundingBox();
  const bodyBox = await page.locator(".reading").boundingBox();
  expect(tocBox!.x).toBeGreaterThan(bodyBox!.x + bodyBox!.width);
});

test("the footer stays at the bottom of a short page", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const path of ["/categories", "/posts/no-such-post"]) {
    await page.goto(path);
    const bottom = await page.getByRole("contentinfo").evaluate((footer) => footer.getBoundingClientRect().bottom);
    expect(Math.round(bottom), path).toBe(900);
  }
});

test("the site has an icon: /favicon.ico and an SVG icon link", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  await page.goto("/");
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);
  const svg = await request.get((await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href"))!);
  expect(svg.status()).toBe(200);
});
