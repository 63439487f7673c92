import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { localFromPublishAt } from "../../lib/admin/schedule";
import { clickButton, createPost, editorStatus, field, openSettings, postUrl, signIn, unique } from "./support";

/** The e2e editor site sets no SITE_TIMEZONE: the control is in China time, whatever the browser's zone. */
const SITE_TIME_ZONE = "Asia/Shanghai";
const publishAt = (page: Page) => page.getByLabel(/^(发布时间|Publish at)$/);
const scheduledNotice = /^(已排期|Scheduled)$/;

async function text(request: APIRequestContext, path: string): Promise<{ status: number; body: string }> {
  const response = await request.get(path);
  return { status: response.status(), body: await response.text() };
}

test("a post scheduled ahead stays hidden, then appears on home, search, its page and the feed within seconds of its time", async ({
  page,
  request,
}) => {
  // ~40 s of waiting for the time to come, plus editing and the first renders on a busy machine.
  test.setTimeout(150_000);
  await signIn(page);
  const word = unique("sched").replace(/-/g, "");
  const title = `定时发布测试 ${word}`;
  // An ASCII slug, so the search page's link to it reads as typed.
  const slug = await createPost(page, { title, slug: word, body: `这篇文章按时发布：${word}。\n` });

  await openSettings(page);
  await expect(page.getByTestId("schedule-outcome")).toHaveText(/草稿：不会发布|Draft: it will not be published/);
  // 40 s ahead, typed to the second as the site's wall clock reads it (the browser's own zone is not used).
  const at = new Date(Math.ceil((Date.now() + 40_000) / 1000) * 1000);
  await publishAt(page).fill(localFromPublishAt(at.toISOString(), SITE_TIME_ZONE));
  await expect(page.getByTestId("schedule-outcome")).toContainText(/草稿：不会发布。点“发布”后，将于 .+ 发布|Publish it and it goes live at/);
  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(scheduledNotice);
  await expect(page.getByTestId("schedule-outcome")).toContainText(/将于 .+ 发布：在此之前读者看不到|Will be published at/);
  await expect(page.getByTestId("schedule-outcome")).toContainText(SITE_TIME_ZONE);
  // Scheduled is published with a time: the way back is "unpublish", and there is no public page to view yet.
  await expect(page.getByRole("button", { name: /^(取消发布|Unpublish)$/ })).toBeVisible();
  await expect(field(page, "draft")).not.toBeChecked();

  // The admin list shows it as scheduled, with its time.
  await page.goto(`/admin?status=scheduled&q=${encodeURIComponent(word)}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row).toContainText(/已排期|scheduled/);
  await expect(row).toContainText(/将于 .+ 发布|Goes live/);

  // Before its time every reader surface is asked (so each is rendered and cached without it) and none shows it.
  const search = `/search?q=${encodeURIComponent(word)}`;
  const surfaces = {
    home: async () => (await text(request, "/")).body.includes(title),
    search: async () => (await text(request, search)).body.includes(`/posts/${slug}`),
    post: async () => (await text(request, postUrl(slug))).status === 200,
    feed: async () => (await text(request, "/feed.xml")).body.includes(title),
  };
  for (const [name, visible] of Object.entries(surfaces)) {
    expect(await visible(), `${name} before the time`).toBe(false);
    // Twice: a search query is cached from its second ask.
    expect(await visible(), `${name} before the time, cached`).toBe(false);
  }
  expect(Date.now(), "the checks before the time ran before it").toBeLessThan(at.getTime());

  // Then each appears by itself: no edit, no rebuild. Polled (every 250 ms); the delay is measured from the time set.
  const delays: Record<string, number> = {};
  const early: string[] = [];
  await Promise.all(
    Object.entries(surfaces).map(async ([name, visible]) => {
      await expect
        .poll(
          async () => {
            const asked = Date.now();
            const shown = await visible();
            // Not before its time: a page that showed it early would leak an unpublished post.
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
  console.log(`[scheduling] appeared after its time (ms): ${JSON.stringify(delays)}`);
  // Measured 0.7–1.3 s alone, up to 4.5 s beside other suites on 2 cores (the page renders again after its time, and
  // the first request then is answered from the old page while it does): 8 s tells "by itself, at its time" from "not
  // at all" (a page given no lifetime never shows it) without failing on a busy machine.
  for (const [name, delay] of Object.entries(delays)) expect(delay, `${name} within a few seconds`).toBeLessThan(8_000);

  // Once live, the editor says so and the list calls it published.
  await page.goto(`/admin?q=${encodeURIComponent(word)}`);
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) })).toContainText(/已发布|published/);
});

test("a post dated in the future is published at once, and the editor says so", async ({ page, request }) => {
  test.setTimeout(60_000);
  await signIn(page);
  const word = unique("future").replace(/-/g, "");
  const title = `未来日期 ${word}`;
  const slug = await createPost(page, { title, body: `日期在未来：${word}。\n` });
  await openSettings(page);
  const tomorrow = localFromPublishAt(new Date(Date.now() + 2 * 86_400_000).toISOString(), SITE_TIME_ZONE).slice(0, 10);
  await field(page, "date").fill(tomorrow);
  await field(page, "draft").uncheck();
  await expect(page.getByTestId("schedule-outcome")).toHaveText(/发布后立即可见：日期在未来不会推迟发布|a date in the future does not delay it/);
  await clickButton(page, "save");
  await expect(editorStatus(page)).toHaveText(/^(已保存|Saved)$/);
  await expect.poll(async () => (await text(request, postUrl(slug))).status, { timeout: 5_000 }).toBe(200);
  await expect.poll(async () => (await text(request, "/")).body.includes(title), { timeout: 5_000 }).toBe(true);
});
