/**
 * Which database Digest uses, decided from the environment alone. No Prisma import here: prisma.config.ts, scripts
 * and the runtime client all share this one rule.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

export type DatabaseConfig =
  | { kind: "none" }
  | { kind: "sqlite"; file: string }
  | { kind: "postgresql"; url: string };

export type DatabaseKind = Exclude<DatabaseConfig["kind"], "none">;

/** The embedded default, relative to the project root (git-ignored via /data/). */
export const DEFAULT_SQLITE_FILE = "data/digest.db";

type Env = Record<string, string | undefined>;

/** Where the database is, ignoring DIGEST_STORE: the Prisma CLI needs a target even when the app runs on files. */
export function databaseTarget(env: Env = process.env, cwd: string = process.cwd()): Exclude<DatabaseConfig, { kind: "none" }> {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: "sqlite", file: path.resolve(cwd, DEFAULT_SQLITE_FILE) };
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: "postgresql", url };
  if (url.startsWith("file:")) return { kind: "sqlite", file: sqliteFileFromUrl(url, cwd) };
  throw new Error(
    `DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${url.split(":")[0]}:…"). ` +
      `Unset it for the embedded SQLite database, or set DIGEST_STORE=files to run without a database.`,
  );
}

export function databaseConfig(env: Env = process.env, cwd: string = process.cwd()): DatabaseConfig {
  if (env.DIGEST_STORE?.trim().toLowerCase() === "files") return { kind: "none" };
  return databaseTarget(env, cwd);
}

function sqliteFileFromUrl(url: string, cwd: string): string {
  const withoutQuery = url.replace(/\?.*$/, "");
  if (withoutQuery.startsWith("file://")) return fileURLToPath(withoutQuery);
  return path.resolve(cwd, withoutQuery.slice("file:".length));
}

/** The URL Prisma's engines get: always absolute, so the CLI, the engine host and the app agree on one file. */
export function prismaUrl(target: Exclude<DatabaseConfig, { kind: "none" }>): string {
  return target.kind === "sqlite" ? `file:${target.file}` : target.url;
}

/** Schema and migrations live side by side per provider: prisma/sqlite/… and prisma/postgresql/…. */
export function prismaDir(kind: DatabaseKind, root: string = process.cwd()): string {
  return path.join(root, "prisma", kind);
}

export function migrationsDir(kind: DatabaseKind, root: string = process.cwd()): string {
  return path.join(prismaDir(kind, root), "migrations");
}
