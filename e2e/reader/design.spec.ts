import { expect, test } from "@playwright/test";

test("dark mode follows the system and the toggle persists without a flash", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.getByRole("button", { name: "切换到浅色模式" }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);

  // The stored choice is applied before the first paint: check the class as soon as the document is parsed.
  await page.goto("/posts/kubernetes-llm-inference-kthena", { waitUntil: "commit" });
  const classAtParse = await page.evaluate(
    () => new Promise<string>((resolve) => {
      if (document.readyState !== "loading") resolve(document.documentElement.className);
      else document.addEventListener("DOMContentLoaded", () => resolve(document.documentElement.className), { once: true });
    }),
  );
  expect(classAtParse).toContain("light");
  expect(classAtParse).not.toContain("dark");
});

test("readable at 360 px: no horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/posts/kubernetes-ai-infrastructure-cncf", "/tags"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("a post page loads no JavaScript beyond what every reader page loads (framework + theme toggle)", async ({ page }) => {
  const scriptsOf = async (path: string) => {
    const urls = new Set<string>();
    const listener = (r: import("@playwright/test").Request) => {
      if (r.resourceType() === "script") urls.add(new URL(r.url()).pathname);
    };
    page.on("request", listener);
    await page.goto(path, { waitUntil: "networkidle" });
    page.off("request", listener);
    return urls;
  };
  const baseline = await scriptsOf("/tags");
  const post = await scriptsOf("/posts/kubernetes-ai-infrastructure-cncf");
  expect(post.size).toBeGreaterThan(0);
  expect([...post].filter((u) => !baseline.has(u))).toEqual([]);
  await expect(page.getByRole("button", { name: /切换/ })).toBeVisible();
});
