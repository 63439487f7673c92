/**
 * `npm run start:cluster [-- --instances 2 --port 3000 --build]`: N `next start` instances of one build behind nginx
 * (Debian's package), for trying the multi-instance setup on one machine. Needs DATABASE_URL (postgresql://…) and
 * REDIS_URL; AUTH_SECRET is generated for this run when unset (set it for anything real). The instances share the
 * build's server-action key; NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, when set, goes to the build and every instance. Builds when there is no build (or with --build).
 * nginx runs in the foreground as a child, with its configuration, pid file, logs and temp folders in a temp dir;
 * it serves /_next/static from the build on disk with immutable caching and passes the rest to the instances.
 * Ctrl+C stops them all.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { dataDir } from "@/lib/config";

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

function fail(message: string): never {
  console.error(`[cluster] ${message}`);
  process.exit(1);
}

const instances = Number(option("instances", String(Math.max(2, Math.min(os.availableParallelism(), 8)))));
const port = Number(option("port", "3000"));
if (!Number.isInteger(instances) || instances < 1) fail("--instances must be a whole number, 1 or more");
const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((candidate) => existsSync(candidate)) ?? fail("nginx is not installed (apt-get install nginx)");
const databaseUrl = process.env.DATABASE_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(databaseUrl)) fail("DATABASE_URL must name a PostgreSQL database (postgresql://…): every instance shares it");
if (!process.env.REDIS_URL) fail("REDIS_URL must name a Redis (redis://…): the page cache and sign-in limits are shared through it");

const distDir = process.env.NEXT_DIST_DIR || ".next";
const generated: string[] = [];
const secret = (name: string) => {
  const given = process.env[name];
  if (given) return given;
  generated.push(name);
  return randomBytes(32).toString("base64");
};
const siteUrl = process.env.SITE_URL ?? `http://127.0.0.1:${port}`;
const shared: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: distDir,
  AUTH_SECRET: secret("AUTH_SECRET"),
  // One build shares the key it made with every instance; set it for builds on several machines.
  ...(process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ? { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY } : {}),
  SITE_URL: siteUrl,
  // nginx on this machine is the one proxy whose X-Forwarded-For names the client.
  TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? "loopback",
};
if (generated.length > 0) console.log(`[cluster] generated ${generated.join(" and ")} for this run (set them to keep sessions and forms across restarts)`);

const buildId = path.join(distDir, "BUILD_ID");
if (process.argv.includes("--build") || !existsSync(buildId)) {
  console.log(`[cluster] building into ${distDir} (once, for every instance)`);
  // The build is the plain one (no REDIS_URL): the servers read it when they start.
  execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...shared, REDIS_URL: "" } });
}

const dir = mkdtempSync(path.join(os.tmpdir(), "digest-cluster-"));
const ports = Array.from({ length: instances }, (_, i) => port + 1 + i);
const staticDir = path.resolve(distDir, "static");
writeFileSync(
  path.join(dir, "nginx.conf"),
  `worker_processes ${Math.min(instances, os.availableParallelism())};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 10m;
  upstream digest {
${ports.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    gzip on;
    gzip_types text/css application/javascript application/json image/svg+xml application/xml application/rss+xml application/atom+xml;
    # Hashed file names: cached for a year by browsers and any CDN.
    location /_next/static/ {
      alias ${staticDir}/;
      add_header Cache-Control "public, max-age=31536000, immutable";
      access_log off;
    }
    location / {
      proxy_pass http://digest;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $host;
    }
  }
}
`,
);

const children: ChildProcess[] = [];
function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (chunk: Buffer) => chunk.toString().replace(/^(?=.)/gm, `[${name}] `);
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[cluster] ${name} stopped (${signal ?? code}); stopping the others`);
    stop(1);
  });
  children.push(child);
}

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 2_000).unref();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

ports.forEach((p, i) =>
  run(`instance ${i + 1}`, "npx", ["next", "start", "-H", "127.0.0.1", "-p", String(p)], {
    ...shared,
    PORT: String(p),
    DIGEST_DATA_DIR: path.join(dataDir(), `instance-${i + 1}`),
  }),
);
run("nginx", nginx, ["-p", dir, "-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], process.env);
console.log(`[cluster] ${instances} instances on ${ports.join(", ")} behind nginx at ${siteUrl} (config in ${dir})`);
