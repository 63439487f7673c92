/**
 * `npm run bench:serve [-- --seconds 60] [-- --skip-build] [-- --cluster]`
 *
 * How fast Digest serves a cached page, beside nginx serving the very same bytes on the same machine in the same run.
 * Builds and starts the site (`next start`, SQLite, the seed content in content/), saves the bytes it serves for a post
 * page, home, a tag page and a search, and starts nginx (Debian's /usr/sbin/nginx, non-daemon, its own conf, pid and
 * temp paths under .tmp/bench-serve/) serving those files. Then, with wrk on 127.0.0.1 only and bounded in time:
 *
 * 1. side by side: `wrk -t1 -c32 -d10s` on each page, Digest then nginx, and Digest's share of nginx's req/s;
 * 2. under load: `wrk -t1 -c64 -d<seconds>s --timeout 1s --latency` on each page of Digest: errors (non-2xx, socket
 *    errors) and requests over 1 s (wrk's timeout count at a 1 s timeout), p99 and max latency. Default 20 s; the
 *    issue's figure is `--seconds 60`.
 *
 * Node's gzip is off (DIGEST_COMPRESS=off), as behind nginx; wrk asks for no compression anyway, so both serve the
 * same uncompressed bytes. `--cluster` is for `npm run start:cluster` (several instances behind nginx) once it exists.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { freePort } from "../scripts/free-port";

const root = path.resolve(import.meta.dirname, "..");
const work = path.join(root, ".tmp", "bench-serve");
const distDir = ".next-bench/serve";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const LOAD_SECONDS = Math.max(1, Number(arg("seconds", "20")) || 20);
const SIDE_SECONDS = Math.max(1, Number(arg("side-seconds", "10")) || 10);
const SKIP_BUILD = flag("skip-build") || process.env.BENCH_SERVE_SKIP_BUILD === "1";
const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

/** The pages measured: what readers ask for most. The search is a tag name, so it is a cache key from the first ask. */
const PAGES = [
  { name: "post", path: "/posts/kubernetes-llm-inference-kthena" },
  { name: "home", path: "/" },
  { name: "tag", path: "/tags/kubernetes" },
  { name: "search", path: "/search?q=Kubernetes" },
] as const;


function need(command: string, hint: string): void {
  if (spawnSync("sh", ["-c", `command -v ${command}`]).status !== 0 && !existsSync(command)) {
    console.error(`[bench:serve] ${command} not found: ${hint}`);
    process.exit(1);
  }
}

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Stops a child started in its own process group: that group, and nothing else. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await exited;
}

interface WrkResult {
  rps: number;
  errors: number;
  overOneSecond: number;
  p99: string;
  max: string;
}

function wrk(url: string, connections: number, seconds: number, extra: string[] = []): WrkResult {
  const out = execFileSync("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, ...extra, url], { encoding: "utf8" });
  const num = (re: RegExp) => Number(out.match(re)?.[1] ?? 0);
  const socket = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const [connect, read, write, timeout] = socket ? socket.slice(1).map(Number) : [0, 0, 0, 0];
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    errors: num(/Non-2xx or 3xx responses:\s+(\d+)/) + connect + read + write,
    overOneSecond: timeout,
    p99: out.match(/\s99%\s+(\S+)/)?.[1] ?? "—",
    max: out.match(/Latency\s+\S+\s+\S+\s+(\S+)/)?.[1] ?? "—",
  };
}

function nginxConf(dir: string, port: number): string {
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    default_type text/html;
    location / { try_files $uri =404; }
  }
}
`;
}

async function main(): Promise<void> {
  need("wrk", "apt-get install wrk");
  need(NGINX, "apt-get install nginx-light, or set NGINX_PATH");
  if (flag("cluster")) {
    // Hook for the lead: once `npm run start:cluster` exists, start it here instead of one `next start` and point
    // `digest` below at its load balancer; the rest of the run is the same.
    console.error("[bench:serve] --cluster: npm run start:cluster is not wired into this bench yet; measuring one instance");
  }
  await mkdir(work, { recursive: true });
  const data = path.join(work, "data");
  const content = path.join(work, "content");
  await rm(data, { recursive: true, force: true });
  await rm(content, { recursive: true, force: true });
  await cp(path.join(root, "content"), content, { recursive: true });

  const port = await freePort();
  const digest = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir,
    CONTENT_DIR: content,
    DIGEST_DATA_DIR: data,
    DATABASE_URL: `file:${path.join(data, "digest.db")}`,
    DIGEST_COMPRESS: "off",
    // Throwaway: this server has no editors and lives for one run.
    AUTH_SECRET: "bench-serve-only-secret-0123456789abcdef0123456789abcdef",
    SITE_URL: digest,
  };
  if (!SKIP_BUILD || !existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.log(`[bench:serve] next build into ${distDir}`);
    execFileSync("npx", ["next", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env });
  }
  const site = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  let nginx: ChildProcess | null = null;
  try {
    await waitFor(`${digest}/robots.txt`, site, "next start");
    const nginxDir = path.join(work, "nginx");
    await rm(nginxDir, { recursive: true, force: true });
    await mkdir(path.join(nginxDir, "www"), { recursive: true });
    await mkdir(path.join(nginxDir, "tmp"), { recursive: true });
    for (const page of PAGES) {
      // The first ask renders and caches (a list or search page on first visit); the last one is a cache hit.
      let response: Response | null = null;
      for (let i = 0; i < 3; i += 1) response = await fetch(`${digest}${page.path}`);
      if (!response?.ok) throw new Error(`${page.path} answered ${response?.status}`);
      const cache = response.headers.get("x-nextjs-cache") ?? "none";
      const bytes = Buffer.from(await response.arrayBuffer());
      await writeFile(path.join(nginxDir, "www", `${page.name}.html`), bytes);
      console.log(`[bench:serve] ${page.path}: ${bytes.length} bytes, x-nextjs-cache ${cache}`);
    }
    const nginxPort = await freePort();
    await writeFile(path.join(nginxDir, "nginx.conf"), nginxConf(nginxDir, nginxPort));
    nginx = spawn(NGINX, ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf")], { stdio: ["ignore", "ignore", "inherit"], detached: true });
    await waitFor(`http://127.0.0.1:${nginxPort}/post.html`, nginx, "nginx");

    console.log(`\nSide by side, wrk -t1 -c32 -d${SIDE_SECONDS}s, same bytes:\n`);
    console.log("| page | Digest req/s | nginx req/s | Digest / nginx |");
    console.log("| --- | ---: | ---: | ---: |");
    for (const page of PAGES) {
      const ours = wrk(`${digest}${page.path}`, 32, SIDE_SECONDS);
      const theirs = wrk(`http://127.0.0.1:${nginxPort}/${page.name}.html`, 32, SIDE_SECONDS);
      console.log(`| ${page.name} (\`${page.path}\`) | ${ours.rps.toFixed(0)} | ${theirs.rps.toFixed(0)} | ${((100 * ours.rps) / theirs.rps).toFixed(1)}% |`);
    }

    console.log(`\nUnder load, Digest, wrk -t1 -c64 -d${LOAD_SECONDS}s --timeout 1s:\n`);
    console.log("| page | req/s | errors | requests over 1 s | p99 | max |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    let failed = false;
    for (const page of PAGES) {
      const r = wrk(`${digest}${page.path}`, 64, LOAD_SECONDS, ["--timeout", "1s", "--latency"]);
      failed ||= r.errors > 0 || r.overOneSecond > 0;
      console.log(`| ${page.name} | ${r.rps.toFixed(0)} | ${r.errors} | ${r.overOneSecond} | ${r.p99} | ${r.max} |`);
    }
    if (failed) {
      console.log("\n[bench:serve] some requests failed or took over 1 s");
      process.exitCode = 1;
    }
  } finally {
    if (nginx) await stop(nginx);
    await stop(site);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
