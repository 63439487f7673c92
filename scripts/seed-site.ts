/**
 * A production build of Digest with the seed content (`content/`, files store, a throwaway data folder), served by
 * `next start` on 127.0.0.1 and a free port: what the Lighthouse bench and the docs screenshots look at.
 * SEED_SITE_SKIP_BUILD=1 reuses the last build.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "./free-port";

const distDir = ".next-bench/seed";
const dataDir = ".tmp/seed-site-data";


async function waitForServer(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/robots.txt`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export interface SeedSite {
  url: string;
  stop(): Promise<void>;
}

/** A build bakes SITE_URL into its static pages, so a reused build must be served on the port it was built for. */
async function choosePort(reuse: boolean): Promise<{ port: number; build: boolean }> {
  const portFile = path.join(distDir, "SEED_SITE_PORT");
  if (reuse && existsSync(path.join(distDir, "BUILD_ID")) && existsSync(portFile)) {
    const built = Number(readFileSync(portFile, "utf8"));
    const port = await freePort(built).catch(() => null);
    if (port === built) return { port, build: false };
  }
  return { port: await freePort(), build: true };
}

/** An account to create (`npm run users -- add`) before the server starts, for pictures of the admin. */
export interface SeedEditor {
  email: string;
  password: string;
}

export async function startSeedSite(options: { editor?: SeedEditor } = {}): Promise<SeedSite> {
  const { port, build } = await choosePort(process.env.SEED_SITE_SKIP_BUILD === "1");
  const url = `http://127.0.0.1:${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir,
    CONTENT_DIR: "content",
    DIGEST_STORE: "files",
    DIGEST_DATA_DIR: dataDir,
    // Throwaway: this server lives for one run (its one editor, if any, too).
    AUTH_SECRET: "seed-site-only-secret-0123456789abcdef0123456789abcdef",
    SITE_URL: url,
  };
  if (build) {
    console.log(`[seed-site] next build into ${distDir}`);
    execFileSync("npx", ["next", "build"], { stdio: ["ignore", "inherit", "inherit"], env });
    writeFileSync(path.join(distDir, "SEED_SITE_PORT"), String(port));
  }
  if (options.editor) {
    execFileSync("npx", ["tsx", "scripts/users.ts", "add", options.editor.email, "--password", options.editor.password, "--role", "editor"], { stdio: ["ignore", "ignore", "inherit"], env });
  }
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  await waitForServer(url, child);
  console.log(`[seed-site] serving ${url}`);
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // The server runs in its own process group (npx → next → next-server): end all of it, and only it.
      process.kill(-child.pid, "SIGTERM");
      await exited;
    },
  };
}
