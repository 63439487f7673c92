/**
 * The shared engines an end-to-end site may ask for (`services` in e2e/sites.ts): a fresh PostgreSQL database on the
 * machine's server and a redis-server of the harness's own on a free port, so a test may kill and restart it
 * (E2E_<SITE>_REDIS_PORT, E2E_<SITE>_REDIS_PIDFILE). Missing either: the site is skipped with one line.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { E2ESite } from "../e2e/sites";

export const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? "/usr/bin/redis-server";
const adminUrl = () => process.env.E2E_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface Services {
  env: Record<string, string>;
  stop(): Promise<void>;
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why the site cannot run here, or null. */
export async function missingService(site: E2ESite): Promise<string | null> {
  if (site.services?.redis && !existsSync(REDIS_SERVER)) return `no redis-server at ${REDIS_SERVER} (apt-get install redis-server)`;
  if (site.services?.postgres && !(await postgresAnswers())) return `no PostgreSQL answers at ${new URL(adminUrl()).host} (set E2E_POSTGRES_URL)`;
  return null;
}

/** Starts redis-server in the foreground of a child process (no snapshots, no log file) and waits for PONG. */
export async function startRedisServer(port: number, pidfile: string): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--pidfile", pidfile], {
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    if (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout?.trim() === "PONG") return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not start on port ${port}`);
}

export async function startServices(site: E2ESite, redisPort: number, tmp: string): Promise<Services> {
  const id = site.name.toUpperCase().replace(/[^A-Z0-9]/g, "_");
  const env: Record<string, string> = {};
  const stops: (() => Promise<void>)[] = [];
  if (site.services?.postgres) {
    const database = `cluster_e2e_${site.name.replace(/[^a-z0-9]/g, "_")}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const url = new URL(adminUrl());
    url.pathname = `/${database}`;
    env[`E2E_${id}_DATABASE_URL`] = url.toString();
    site.env.DATABASE_URL = url.toString();
    stops.push(async () => {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.end();
    });
  }
  if (site.services?.redis) {
    const pidfile = path.resolve(tmp, `${site.name}-redis.pid`);
    const child = await startRedisServer(redisPort, pidfile);
    env[`E2E_${id}_REDIS_URL`] = `redis://127.0.0.1:${redisPort}`;
    env[`E2E_${id}_REDIS_PORT`] = String(redisPort);
    env[`E2E_${id}_REDIS_PIDFILE`] = pidfile;
    site.env.REDIS_URL = env[`E2E_${id}_REDIS_URL`];
    stops.push(async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      // A test that killed it may have started another one (same port, same pidfile).
      try {
        const pid = Number(readFileSync(pidfile, "utf8").trim());
        if (pid > 0 && pid !== child.pid) process.kill(pid, "SIGTERM");
      } catch {
        // None left.
      }
      rmSync(pidfile, { force: true });
    });
  }
  return {
    env,
    async stop() {
      for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.warn(`[e2e] cleaning up site "${site.name}": ${String(error)}`));
    },
  };
}
