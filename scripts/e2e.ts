/**
 * Builds every end-to-end site (next build, once per configuration) and runs Playwright against `next start` of each.
 * Extra arguments go to `playwright test` (e.g. `npm run test:e2e -- --project=reader`).
 * E2E_SKIP_BUILD=1 reuses existing builds while iterating locally.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { e2eSites, siteUrlVar, type E2ESite } from "../e2e/sites";
import { missingService, startServices, type Services } from "./e2e-services";
import { freePort } from "./free-port";

function findChromium(): string {
  const result = spawnSync("bash", [path.join("scripts", "find-chromium.sh")], { encoding: "utf8" });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(1);
  }
  return result.stdout.trim();
}


/** A problem with what the run was given: reported in a line or two, before anything is built. */
class InputError extends Error {}

function selectSites(): E2ESite[] {
  const wanted = (process.env.E2E_SITES ?? "").split(",").map((name) => name.trim()).filter((name) => name !== "");
  if (wanted.length === 0) return e2eSites;
  const unknown = wanted.filter((name) => !e2eSites.some((site) => site.name === name));
  if (unknown.length > 0) {
    throw new InputError(`E2E_SITES names unknown site(s) ${unknown.join(", ")}; the sites are ${e2eSites.map((s) => s.name).join(", ")}`);
  }
  return e2eSites.filter((site) => wanted.includes(site.name));
}

/**
 * Everything a site needs that is not built here must exist before minutes go into `next build`: the folders copied
 * into place and the content folder each site reads.
 */
function checkInputs(sites: E2ESite[]): void {
  const missing: string[] = [];
  for (const site of sites) {
    for (const copy of site.copyContent ?? []) {
      if (!existsSync(copy.from)) missing.push(`site "${site.name}" copies ${copy.from}, which is missing`);
    }
    const content = site.env.CONTENT_DIR;
    const copied = (site.copyContent ?? []).some((copy) => path.resolve(copy.to) === path.resolve(content ?? ""));
    if (content && !copied && !existsSync(content)) missing.push(`site "${site.name}" reads CONTENT_DIR=${content}, which is missing`);
  }
  if (missing.length > 0) throw new InputError(missing.join("\n"));
  for (const site of sites) if (site.notice) console.log(`[e2e] site "${site.name}": ${site.notice}`);
}

async function main(): Promise<void> {
  const sites: E2ESite[] = [];
  for (const site of selectSites()) {
    const missing = site.services ? await missingService(site) : null;
    if (missing) console.log(`[e2e] skipping site "${site.name}": ${missing}`);
    else sites.push(site);
  }
  if (sites.length === 0) {
    console.log("[e2e] no site left to run");
    return;
  }
  checkInputs(sites);
  const chromium = findChromium();
  console.log(`[e2e] Chromium: ${chromium}`);
  rmSync(".tmp/e2e", { recursive: true, force: true });
  mkdirSync(".tmp/e2e", { recursive: true });

  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHROMIUM_PATH: chromium };
  const services: Services[] = [];
  const stopServices = async () => {
    for (const service of services.splice(0)) await service.stop();
  };
  process.once("SIGINT", () => void stopServices().then(() => process.exit(130)));
  try {
    await buildAndRun(sites, env, services);
  } finally {
    await stopServices();
  }
}

async function buildAndRun(sites: E2ESite[], env: NodeJS.ProcessEnv, services: Services[]): Promise<void> {
  for (const site of sites) {
    const port = await freePort();
    env[siteUrlVar(site.name)] = `http://127.0.0.1:${port}`;
    env[`E2E_${site.name.toUpperCase()}_PORT`] = String(port);
    for (const instance of site.instances ?? []) env[siteUrlVar(site.name, instance.name)] = `http://127.0.0.1:${await freePort()}`;
    if (site.services) {
      const started = await startServices(site, await freePort(), ".tmp/e2e");
      services.push(started);
      Object.assign(env, started.env);
    }
    for (const copy of site.copyContent ?? []) {
      cpSync(copy.from, copy.to, { recursive: true, filter: (src) => !src.endsWith("MANIFEST.tsv") });
    }
    if (process.env.E2E_SKIP_BUILD === "1" && existsSync(path.join(site.distDir, "BUILD_ID"))) continue;
    const started = Date.now();
    console.log(`[e2e] building site "${site.name}" into ${site.distDir}`);
    // The build is the plain one; only the servers get REDIS_URL (next.config.ts reads it at start).
    const { REDIS_URL: _serversOnly, ...buildEnv } = site.env;
    execFileSync("npx", ["next", "build"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...env, ...buildEnv, REDIS_URL: "", NEXT_DIST_DIR: site.distDir, SITE_URL: env[siteUrlVar(site.name)] },
    });
    console.log(`[e2e] built "${site.name}" in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const site of sites) {
    if (site.importPosts) {
      const started = Date.now();
      const dir = site.importPosts(path.join(".tmp/e2e", `${site.name}-import`));
      execFileSync("npx", ["tsx", "scripts/content-transfer.ts", "import", dir], { stdio: ["ignore", "ignore", "inherit"], env: { ...env, ...site.env } });
      rmSync(dir, { recursive: true, force: true });
      console.log(`[e2e] imported the posts of "${site.name}" in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    for (const user of site.users ?? []) {
      execFileSync("npx", ["tsx", "scripts/users.ts", "add", user.email, "--password", user.password, "--role", user.role], {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...env, ...site.env },
      });
    }
  }
  env.E2E_SITES = sites.map((s) => s.name).join(",");
  const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
  process.exitCode = run.status ?? 1;
}

main().catch((error: unknown) => {
  if (error instanceof InputError) {
    for (const line of error.message.split("\n")) console.error(`[e2e] ${line}`);
    console.error("[e2e] nothing was built.");
  } else {
    console.error(error);
  }
  process.exit(1);
});
