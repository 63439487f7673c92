/**
 * `npm run docs:screenshots`: the first screen of the home page, a post and the 404 page — desktop, phone and dark —
 * from a production build of the seed content, into docs/screenshots/*.png (referenced by the README).
 * SEED_SITE_SKIP_BUILD=1 reuses the last build; CHROMIUM_PATH picks the browser.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type BrowserContextOptions } from "@playwright/test";
import { startSeedSite } from "./seed-site";

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
  const site = await startSeedSite();
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
  } finally {
    await browser.close();
    await site.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
