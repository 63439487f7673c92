import { defineConfig, devices } from "@playwright/test";
import { e2eSites, siteUrlVar } from "./e2e/sites";

/**
 * Run through `npm run test:e2e` (scripts/e2e.ts), which builds each site and sets the ports and the Chromium path.
 * This file is evaluated again in every worker, so everything variable comes from the environment.
 */
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];

const enabled = new Set((process.env.E2E_SITES ?? e2eSites.map((s) => s.name).join(",")).split(","));
const sites = e2eSites.filter((s) => enabled.has(s.name));

function urlOf(name: string, instance?: string): string {
  const url = process.env[siteUrlVar(name, instance)];
  if (!url) throw new Error(`${siteUrlVar(name, instance)} is not set: run the suites with \`npm run test:e2e\`.`);
  return url;
}

/** One `next start` per instance of a site (most have one), all on the site's build, SITE_URL the first one's. */
const servers = sites.flatMap((site) => [
  { site, url: urlOf(site.name), env: site.env },
  ...(site.instances ?? []).map((instance) => ({ site, url: urlOf(site.name, instance.name), env: { ...site.env, ...instance.env } })),
]);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    ...devices["Desktop Chrome"],
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: chromiumArgs },
  },
  projects: sites.map((site) => ({
    name: site.name,
    testDir: `e2e/${site.name}`,
    use: { baseURL: urlOf(site.name) },
  })),
  webServer: servers.map(({ site, url, env }) => ({
    command: `npx next start -H 127.0.0.1 -p ${new URL(url).port}`,
    url: `${url}/robots.txt`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe" as const,
    env: { ...env, NEXT_DIST_DIR: site.distDir, NEXT_TELEMETRY_DISABLED: "1", SITE_URL: urlOf(site.name) },
  })),
});
