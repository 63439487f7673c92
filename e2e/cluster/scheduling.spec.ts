import { expect, test, type APIRequestContext } from "@playwright/test";
import { localFromPublishAt } from "../../lib/admin/schedule";
import { siteUrlVar } from "../sites";
import { clickButton, createPost, editorStatus, openSettings, postUrl, signIn, unique } from "../editor/support";

/**
 * Scheduled on A, live on B at its time: the expiry is part of the cached entry in the shared Redis cache (no timer,
 * no message between instances), so B's cached pages, rendered and cached before the time, turn over by themselves.
 */
const B = process.env[siteUrlVar("cluster", "b")] ?? "";

async function shows(request: APIRequestContext, url: string, marker: string): Promise<boolean> {
  const response = await request.get(url);
  return response.status() === 200 && (await response.text()).includes(marker);
}

test("a post scheduled on A appears on B's home, post page, feed and search within seconds of its time", async ({ page, request, baseURL }) => {
  test.setTimeout(150_000);
  await signIn(page);
  const word = unique("clsched").replace(/-/g, "");
  const slug = await createPost(page, { title: `多实例定时发布 ${word}`, slug: word, body: `按时出现在另一个实例上：${word}。\n` });
  await openSettings(page);
  const at = new Date(Math.ceil((Date.now() + 40_000) / 1000) * 1000);
  await page.getByLabel(/^(发布时间|Publish at)$/).fill(localFromPublishAt(at.toISOString(), "Asia/Shanghai"));
  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(/^(已排期|Scheduled)$/);

  const surfaces: Record<string, string> = {
    "B home": `${B}/`,
    "B post": `${B}${postUrl(slug)}`,
    "B feed": `${B}/feed.xml`,
    "B search": `${B}/search?q=${encodeURIComponent(word)}`,
    "A home": `${baseURL}/`,
  };
  const marker = (name: string) => (name.endsWith("search") ? `/posts/${slug}` : word);
  // Cached without it before its time (search twice: a query is cached from its second ask).
  for (const [name, url] of Object.entries(surfaces)) {
    expect(await shows(request, url, marker(name)), `${name} before the time`).toBe(false);
    expect(await shows(request, url, marker(name)), `${name} before the time, cached`).toBe(false);
  }
  expect(Date.now()).toBeLessThan(at.getTime());

  const delays: Record<string, number> = {};
  const early: string[] = [];
  await Promise.all(
    Object.entries(surfaces).map(async ([name, url]) => {
      await expect
        .poll(
          async () => {
            const asked = Date.now();
            const shown = await shows(request, url, marker(name));
            if (shown && asked < at.getTime()) early.push(name);
            return shown;
          },
          { timeout: at.getTime() - Date.now() + 15_000, intervals: [250] },
        )
        .toBe(true);
      delays[name] = Date.now() - at.getTime();
    }),
  );
  expect(early, "surfaces that showed it before its time").toEqual([]);
  console.log(`[cluster] scheduled post appeared after its time (ms): ${JSON.stringify(delays)}`);
  // Measured 0.7–1.3 s alone, up to 4.5 s beside other suites on 2 cores (the page renders again after its time, and
  // the first request then is answered from the old page while it does): 8 s tells "by itself, at its time" from "not
  // at all" (a page given no lifetime never shows it) without failing on a busy machine.
  for (const [name, delay] of Object.entries(delays)) expect(delay, `${name} within a few seconds`).toBeLessThan(8_000);
});
