import path from "node:path";
import { databaseConfig, getDatabase, isDatabaseUp } from "@/lib/db/client";
import { contentDir } from "@/lib/posts/content-dir";
import { createDatabaseStore } from "@/lib/store/database";
import { createFileStore } from "@/lib/store/files";
import type { PostStore } from "@/lib/store/types";

/**
 * Which backend takes reads and writes right now. With a database configured and reachable it is the database (over
 * the files baseline); configured but unreachable, the files serve and take saves (and say so in the admin); with
 * DIGEST_STORE=files there is no database at all.
 */
export interface ActiveStores {
  files: PostStore;
  database: PostStore | null;
  status: { kind: "database" | "files"; degraded: boolean; message: string | null };
}

function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DIGEST_DATA_DIR ?? "data");
}

export function fileStore(): PostStore {
  return createFileStore({ dir: contentDir(), revisionsDir: path.join(dataDir(), "revisions") });
}

// Probing a dead database costs up to the probe's timeout, so the answer is kept briefly.
const PROBE_TTL_MS = 3000;
const probe = ((globalThis as unknown as { __digestProbe?: { at: number; up: boolean } }).__digestProbe ??= { at: 0, up: false });

async function databaseReachable(): Promise<boolean> {
  if (Date.now() - probe.at < PROBE_TTL_MS) return probe.up;
  const up = await isDatabaseUp(1500).catch(() => false);
  probe.at = Date.now();
  probe.up = up;
  return up;
}

export async function activeStores(): Promise<ActiveStores> {
  const files = fileStore();
  const config = databaseConfig();
  if (config.kind === "none") {
    return { files, database: null, status: { kind: "files", degraded: false, message: "No database is configured (DIGEST_STORE=files): posts are read from and saved to the Markdown files." } };
  }
  if (await databaseReachable()) {
    const db = await getDatabase().catch((error: unknown) => {
      console.error("[store] database configured but not usable", error);
      return null;
    });
    if (db) return { files, database: createDatabaseStore(db), status: { kind: "database", degraded: false, message: null } };
  }
  return {
    files,
    database: null,
    status: {
      kind: "files",
      degraded: true,
      message: `The ${config.kind === "sqlite" ? "SQLite" : "PostgreSQL"} database cannot be reached. Readers are served from the Markdown files, and saves go to them; they are merged back when the database returns.`,
    },
  };
}

/** Forget the last probe, e.g. after a write failed because the database went away. */
export function forgetDatabaseProbe(): void {
  probe.at = 0;
}
