/**
 * `npm run bench:lighthouse`: Lighthouse (from npm, driving the system Chromium) against a production build of the
 * seed content on 127.0.0.1 — home, a post, a tag page and search, in light and dark, as a desktop and as a phone.
 * Prints one table (performance / accessibility / best practices / SEO) and exits 1 when any score is below 100.
 * Each page is measured LIGHTHOUSE_RUNS times (default 3) and the median of each score is kept, as Lighthouse advises:
 * the performance score moves with the machine's load, the others do not.
 * SEED_SITE_SKIP_BUILD=1 reuses the last build; CHROMIUM_PATH picks the browser; reports go to .tmp/lighthouse/.
 * LIGHTHOUSE_CPU_SLOWDOWN overrides the phone runs' simulated CPU slowdown (Lighthouse's default 4 assumes a fast
 * desktop host; its throttling guide calibrates it by the benchmark index each report records).
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

const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3) || 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

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

/** One Lighthouse run of one page in one scheme and form factor; the report is kept in `out`. */
async function measure(
  browser: Browser,
  port: number,
  origin: string,
  page: (typeof pages)[number],
  scheme: (typeof schemes)[number],
  device: (typeof devices)[number],
  run: number,
  out: string,
): Promise<Scores> {
  const tab = await tabPreferring(browser, origin, scheme);
  const flags: Flags = { port, output: "json", logLevel: "error", onlyCategories: [...categories] };
  const slowdown = Number(process.env.LIGHTHOUSE_CPU_SLOWDOWN);
  if (device === "mobile" && slowdown > 0) flags.throttling = { cpuSlowdownMultiplier: slowdown };
  const config: Config | undefined = device === "desktop" ? desktopConfig : undefined;
  const runner = await lighthouse(`${origin}${page.path}`, flags, config, tab);
  // A last check that the scheme held through the run (the report's final screenshot is taken in this tab).
  const dark = await tab.evaluate(() => document.documentElement.classList.contains("dark"));
  await tab.close();
  if (dark !== (scheme === "dark")) throw new Error(`${page.path} ended in the ${dark ? "dark" : "light"} scheme during the ${scheme} run`);
  if (!runner) throw new Error(`Lighthouse returned nothing for ${page.path}`);
  const lhr = runner.lhr;
  if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Scores;
  writeFileSync(path.join(out, `${page.name}-${scheme}-${device}-${run}.json`), JSON.stringify(lhr));
  const weak = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === "numeric")
    .map((a) => `${a.id} ${a.displayValue ?? ""}`.trim());
  console.log(
    `[lighthouse] ${page.name} ${scheme} ${device} run ${run}: ${categories.map((c) => scores[c]).join("/")} ` +
      `(benchmark index ${Math.round(lhr.environment.benchmarkIndex)})` +
      (weak.length ? `  (weak: ${weak.join(", ")})` : ""),
  );
  return scores;
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
            const runs: Scores[] = [];
            for (let run = 1; run <= RUNS; run++) runs.push(await measure(browser, chrome.port, site.url, page, scheme, device, run, out));
            const scores = Object.fromEntries(categories.map((c) => [c, median(runs.map((r) => r[c]))])) as Scores;
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
  console.log(
    `\nLighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, median of ${RUNS} run(s), ` +
      "performance / accessibility / best practices / SEO:\n",
  );
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
