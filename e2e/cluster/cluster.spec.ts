import { spawnSync } from "node:child_process";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { siteUrlVar } from "../sites";
import { clickButton, createPost, editorStatus, fillBody, fillSignIn, notice, postUrl, SIGN_IN_TIMEOUT, signIn, unique } from "../editor/support";

/**
 * Two instances of one build (A: the project's baseURL, B) on one PostgreSQL database and one Redis, which
 * scripts/e2e.ts starts on a port of its own so this file can kill it. An action on A must be visible on B within
 * 1 s of returning: each latency is measured and logged.
 */
test.describe.configure({ mode: "serial" });

const B = process.env[siteUrlVar("cluster", "b")] ?? "";
const redisPort = process.env.E2E_CLUSTER_REDIS_PORT ?? "";
const redisPidfile = process.env.E2E_CLUSTER_REDIS_PIDFILE ?? "";
const VISIBLE_WITHIN_MS = 1_000;

/**
 * Polls B until `check` holds. Returns when the first request that saw it was sent, after `since` (the visibility
 * latency: any request from then on sees the change), and how long B took to answer it (rendering on a busy machine).
 */
async function visibleOnB(request: APIRequestContext, path: string, check: (status: number, text: string) => boolean, since: number) {
  for (;;) {
    const sent = Date.now();
    const response = await request.get(`${B}${path}`, { maxRedirects: 0 });
    const text = await response.text();
    if (check(response.status(), text)) return { visible: Math.max(0, sent - since), answered: Date.now() - since };
    if (Date.now() - since > 10_000) throw new Error(`${path} on B did not change within 10 s (status ${response.status()})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function expectAllVisible(request: APIRequestContext, what: string, checks: [string, (status: number, text: string) => boolean][], since: number) {
  const latencies = await Promise.all(checks.map(async ([path, check]) => [path, await visibleOnB(request, path, check, since)] as const));
  for (const [path, { visible, answered }] of latencies) {
    console.log(`[cluster] ${what}: ${path} on B — visible to a request sent ${visible} ms after the action returned (answered at ${answered} ms)`);
  }
  for (const [path, { visible }] of latencies) expect(visible, `${path} on B`).toBeLessThan(VISIBLE_WITHIN_MS);
}

function redisCli(...args: string[]) {
  return spawnSync("redis-cli", ["-p", redisPort, ...args], { encoding: "utf8" });
}

test("a post published on A is on B — post page, home, tag page, feed, search — within 1 s; unpublished, a 404 within 1 s", async ({ page, request }) => {
  test.setTimeout(90_000);
  const marker = unique("cluster");
  const tag = `集群${marker.slice(-4)}`;
  const title = `云原生周报：多实例部署 ${marker}`;
  await signIn(page);
  const slug = await createPost(page, { title, tags: `kubernetes, ${tag}`, body: `## 多实例\n\n两个实例共享一个缓存。${marker}\n` });

  // B has cached what it shows now: the post page (a 404 for the draft), home, the tag page and the feed.
  const pages = [postUrl(slug), "/", "/tags/kubernetes", "/feed.xml"];
  for (const path of pages) await request.get(`${B}${path}`);
  expect((await request.get(`${B}${postUrl(slug)}`)).status()).toBe(404);

  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(notice.published);
  const published = Date.now();
  const shows = (status: number, text: string) => status === 200 && text.includes(marker);
  await expectAllVisible(
    request,
    "publish",
    [...pages.map((path) => [path, shows] as [string, typeof shows]), [`/search/api?q=${encodeURIComponent(marker)}`, shows]],
    published,
  );

  await clickButton(page, "unpublish");
  await expect(editorStatus(page)).toHaveText(notice.unpublished);
  const unpublished = Date.now();
  await expectAllVisible(
    request,
    "unpublish",
    [
      [postUrl(slug), (status) => status === 404],
      ["/", (status, text) => status === 200 && !text.includes(marker)],
      ["/feed.xml", (status, text) => status === 200 && !text.includes(marker)],
    ],
    unpublished,
  );
});

async function attempt(page: Page, base: string, address: string, email: string, password: string): Promise<string> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
  await page.goto(`${base}/admin/login`);
  await fillSignIn(page, email, password);
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
  return (await alert.textContent()) ?? "";
}

test("five failed sign-ins for one account on A: the next one on B is refused", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const email = `${unique("target")}@digest.local`;
  for (let i = 1; i <= 5; i++) expect(await attempt(page, baseURL ?? "", "198.51.100.60", email, `guess-${i}`)).toMatch(/邮箱或密码|Invalid email or password/);
  expect(await attempt(page, B, "198.51.100.60", email, "guess-6")).toMatch(/尝试|Too many attempts/);
});

test("Redis killed: both instances still serve and A still saves; Redis back: edits reach B again", async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const title = `缓存故障演练 ${unique("outage")}`;
  const slug = await createPost(page, { title, tags: "kubernetes", body: "Redis 停止之前。\n" });
  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(notice.published);

  const pidBefore = spawnSync("cat", [redisPidfile], { encoding: "utf8" }).stdout.trim();
  redisCli("shutdown", "nosave");
  await expect.poll(() => redisCli("ping").stdout.trim(), { timeout: 5_000 }).not.toBe("PONG");

  // Readers on both instances are served.
  for (const base of [B, ""]) {
    for (const path of ["/", postUrl(slug), "/tags/kubernetes", "/feed.xml"]) {
      const response = await request.get(`${base || test.info().project.use.baseURL}${path}`);
      expect(response.status(), `${path} on ${base ? "B" : "A"} without Redis`).toBe(200);
    }
  }
  // An editor on A saves.
  await fillBody(page, "Redis 停止期间保存的正文。\n");
  await clickButton(page, "save");
  await expect(editorStatus(page)).toHaveText(notice.saved);
  // B, with no shared cache, shows the edit once its own copy is older than its limit (10 s).
  await expect.poll(async () => (await request.get(`${B}${postUrl(slug)}`)).text(), { timeout: 20_000, intervals: [500] }).toContain("Redis 停止期间保存的正文。");

  // Redis returns (the harness stops this one at the end through the pidfile).
  const restarted = spawnSync(
    "redis-server",
    ["--port", redisPort, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "yes", "--pidfile", redisPidfile],
    { encoding: "utf8" },
  );
  expect(restarted.status).toBe(0);
  await expect.poll(() => redisCli("ping").stdout.trim(), { timeout: 5_000 }).toBe("PONG");
  expect(pidBefore).not.toBe("");

  // The shared cache is back: wait until both instances have reconnected (a page each), then an edit on A is on B within 1 s.
  await expect.poll(() => Number(redisCli("client", "list").stdout.split("\n").filter(Boolean).length), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  for (const path of [postUrl(slug)]) await request.get(`${B}${path}`);
  await fillBody(page, "Redis 恢复之后的正文。\n");
  await clickButton(page, "save");
  await expect(editorStatus(page)).toHaveText(notice.saved);
  await expectAllVisible(request, "after Redis returned", [[postUrl(slug), (status, text) => status === 200 && text.includes("Redis 恢复之后的正文。")]], Date.now());
});
