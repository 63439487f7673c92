/**
 * `npm run bench:lighthouse`: Lighthouse (from npm, driving the system Chromium) against a production build of the
 * seed content on 127.0.0.1 — home, a post, a tag page and search, in light and dark, as a desktop and as a phone.
 * Prints one table (performance / accessibility / best practices / SEO) and exits 1 when any score is below 100.
 * SEED_SITE_SKIP_BUILD=1 reuses the last build; CHROMIUM_PATH picks the browser; reports go to .tmp/lighthouse/.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Config, type Flags } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import puppeteer, { type Browser } from "puppeteer-core";
import { startSeedSite } from "../scripts/seed-site";

const pages = [
  { name: "home", path: "/" },
  { name: "post", path: "/posts/kubernetes-ai-infrastructure-cncf" },
  { name: "tag", path: "/tags/kubernetes" },
  // The search page itself; result pages (?q=…) are `noindex` on purpose, which Lighthouse's SEO score counts against.
  { name: "search", path: "/search" },
] as const;
const categories = ["performance", "accessibility", "best-practices", "seo"] as const;
const schemes = ["light", "dark"] as const;
const devices = ["desktop", "mobile"] as const;

type Scores = Record<(typeof categories)[number], number>;

function chromiumPath(): string {
  const found = spawnSync("bash", [path.join("scripts", "find-chromium.sh")], { encoding: "utf8" });
  if (found.status !== 0) {
    process.stderr.write(found.stderr);
    process.exit(1);
  }
  return found.stdout.trim();
}

/** The same isolation the e2e suites use: nothing leaves the machine. */
function chromeFlags(): string[] {
  return [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
  ];
}

/**
 * A tab that prefers the given color scheme. Headless Chromium has no flag for it, so it is emulated on the tab, and
 * Lighthouse runs in that tab (its storage reset clears a stored theme choice, so the system preference is what the
 * site's theme script sees). Before returning, it checks the site really renders in that scheme.
 */
async function tabPreferring(browser: Browser, url: string, scheme: (typeof schemes)[number]) {
  const page = await browser.newPage();
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
  await page.goto(url);
  const dark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  if (dark !== (scheme === "dark")) throw new Error(`the tab for the ${scheme} runs renders the site ${dark ? "dark" : "light"}`);
  return page;
}

async function main(): Promise<void> {
  const chromePath = chromiumPath();
  const site = await startSeedSite();
  const out = path.join(".tmp", "lighthouse");
  mkdirSync(out, { recursive: true });
  const results: { page: string; scheme: string; device: string; scores: Scores }[] = [];
  try {
    for (const scheme of schemes) {
      const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: chromeFlags(), logLevel: "error" });
      const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
      try {
        for (const device of devices) {
          for (const page of pages) {
            const tab = await tabPreferring(browser, site.url, scheme);
            const flags: Flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...categories] };
            const config: Config | undefined = device === "desktop" ? desktopConfig : undefined;
            const runner = await lighthouse(`${site.url}${page.path}`, flags, config, tab);
            // The report's final screenshot is taken in this tab; a last check that the scheme held through the run.
            const dark = await tab.evaluate(() => document.documentElement.classList.contains("dark"));
            if (dark !== (scheme === "dark")) throw new Error(`${page.path} ended in the ${dark ? "dark" : "light"} scheme during the ${scheme} run`);
            await tab.close();
            if (!runner) throw new Error(`Lighthouse returned nothing for ${page.path}`);
            const lhr = runner.lhr;
            if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
            const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Scores;
            writeFileSync(path.join(out, `${page.name}-${scheme}-${device}.json`), JSON.stringify(lhr));
            const failing = Object.values(lhr.audits)
              .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
              .map((a) => a.id);
            console.log(`[lighthouse] ${page.name} ${scheme} ${device}: ${categories.map((c) => scores[c]).join("/")}${failing.length ? `  (below 1: ${failing.join(", ")})` : ""}`);
            results.push({ page: page.name, scheme, device, scores });
          }
        }
      } finally {
        await browser.disconnect();
        await chrome.kill();
      }
    }
  } finally {
    await site.stop();
  }

  const cell = (page: string, scheme: string, device: string) => {
    const r = results.find((x) => x.page === page && x.scheme === scheme && x.device === device);
    return r ? categories.map((c) => r.scores[c]).join(" / ") : "—";
  };
  const lines = [
    "| page | light, desktop | light, phone | dark, desktop | dark, phone |",
    "| --- | --- | --- | --- | --- |",
    ...pages.map((p) => `| ${p.name} (\`${p.path}\`) | ${cell(p.name, "light", "desktop")} | ${cell(p.name, "light", "mobile")} | ${cell(p.name, "dark", "desktop")} | ${cell(p.name, "dark", "mobile")} |`),
  ];
  console.log(`\nLighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, performance / accessibility / best practices / SEO:\n`);
  console.log(lines.join("\n"));
  writeFileSync(path.join(out, "summary.md"), `${lines.join("\n")}\n`);
  const below = results.filter((r) => categories.some((c) => r.scores[c] < 100));
  if (below.length > 0) {
    console.error(`\n${below.length} of ${results.length} runs scored below 100 (reports in ${out}/).`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
