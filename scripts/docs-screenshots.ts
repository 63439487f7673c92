/**
 * `npm run docs:screenshots`: the first screen of the home page, a post and the 404 page — desktop, phone and dark —
 * from a production build of the seed content, into docs/screenshots/*.png, and the admin (the editor on a desktop
 * and a phone, its settings, the post list) into docs/editor-*.png and docs/admin-list.png (referenced by the README).
 * SEED_SITE_SKIP_BUILD=1 reuses the last build; CHROMIUM_PATH picks the browser.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContextOptions } from "@playwright/test";
import { startSeedSite, type SeedEditor } from "./seed-site";

const editor: SeedEditor = { email: "screenshots@digest.local", password: "screenshots-only-password" };
const editedPost = "kubernetes-ai-infrastructure-cncf";

const pages = [
  { name: "home", path: "/" },
  { name: "post", path: "/posts/kubernetes-ai-infrastructure-cncf" },
  { name: "404", path: "/posts/no-such-post" },
];
const variants: { name: string; options: BrowserContextOptions }[] = [
  { name: "desktop", options: { viewport: { width: 1280, height: 800 }, colorScheme: "light" } },
  { name: "phone", options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: "light" } },
  { name: "dark", options: { viewport: { width: 1280, height: 800 }, colorScheme: "dark" } },
];

function chromiumPath(): string {
  const found = spawnSync("bash", [path.join("scripts", "find-chromium.sh")], { encoding: "utf8" });
  if (found.status !== 0) {
    process.stderr.write(found.stderr);
    process.exit(1);
  }
  return found.stdout.trim();
}

async function main(): Promise<void> {
  const executablePath = chromiumPath();
  const out = path.join("docs", "screenshots");
  mkdirSync(out, { recursive: true });
  const site = await startSeedSite({ editor });
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"],
  });
  try {
    for (const variant of variants) {
      const context = await browser.newContext({ ...variant.options, locale: "zh-CN" });
      const page = await context.newPage();
      for (const target of pages) {
        await page.goto(`${site.url}${target.path}`, { waitUntil: "networkidle" });
        const file = path.join(out, `${target.name}-${variant.name}.png`);
        await page.screenshot({ path: file });
        console.log(`[screenshots] ${file}`);
      }
      await context.close();
    }
    await adminScreenshots(browser, site.url);
  } finally {
    await browser.close();
    await site.stop();
  }
}

async function adminScreenshots(browser: Browser, url: string): Promise<void> {
  for (const variant of variants.filter((candidate) => candidate.name !== "dark")) {
    const context = await browser.newContext({ ...variant.options, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${url}/admin/login`);
    await page.getByLabel("邮箱").fill(editor.email);
    await page.getByLabel("密码").fill(editor.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((target) => !target.pathname.startsWith("/admin/login"), { timeout: 30_000 });
    await page.goto(`${url}/admin/posts/${editedPost}/edit`, { waitUntil: "networkidle" });
    await page.getByTestId("body-editor").waitFor();
    const shots: [string, () => Promise<void>][] = [[`docs/editor-${variant.name}.png`, async () => undefined]];
    if (variant.name === "desktop") {
      shots.push(["docs/editor-settings.png", () => page.getByRole("tab", { name: "文章设置" }).click()]);
      shots.push(["docs/admin-list.png", async () => void (await page.goto(`${url}/admin`, { waitUntil: "networkidle" }))]);
    }
    for (const [file, prepare] of shots) {
      await prepare();
      await page.screenshot({ path: file });
      console.log(`[screenshots] ${file}`);
    }
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
