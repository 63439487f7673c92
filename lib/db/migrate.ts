/**
 * Applies pending Prisma migrations in-process, the first time the app touches the database, so the embedded SQLite
 * default needs no command run by hand. It records each migration in `_prisma_migrations` exactly as Prisma does
 * (same table, checksum = sha256 of migration.sql, finished_at set) so `prisma migrate status` and `migrate deploy`
 * agree with it. It talks to the driver directly: Prisma Client has no API for DDL scripts or locks.
 *
 * Concurrent runs (several server processes starting at once) are serialised by the database itself: SQLite's
 * write lock (BEGIN IMMEDIATE) and a PostgreSQL advisory lock. Whoever waits finds the work done.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { migrationsDir, type DatabaseConfig } from "./config";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** The migration folders in Prisma's order (plain string comparison of the folder names). */
export function readMigrations(dir: string): MigrationFile[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => a.localeCompare(b))
    .flatMap((name) => {
      let sql: string;
      try {
        sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      } catch {
        return [];
      }
      return [{ name, sql, checksum: createHash("sha256").update(sql).digest("hex") }];
    });
}

const appliedRow = z.object({
  migration_name: z.string(),
  checksum: z.string(),
  finished_at: z.union([z.string(), z.date()]).nullable(),
  rolled_back_at: z.union([z.string(), z.date()]).nullable(),
});
type AppliedRow = z.infer<typeof appliedRow>;

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

/** Which migrations still need to run; refuses to go on past a failed one, as `prisma migrate deploy` does (P3009). */
function pendingMigrations(files: MigrationFile[], rows: AppliedRow[]): MigrationFile[] {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.filter((row) => row.finished_at === null);
  if (failed.length > 0) {
    throw new MigrationError(
      `Migration ${failed.map((row) => row.migration_name).join(", ")} failed earlier. ` +
        `Resolve it with \`prisma migrate resolve\` before the app can use the database.`,
    );
  }
  const applied = new Set(live.map((row) => row.migration_name));
  return files.filter((file) => !applied.has(file.name));
}

/** Prisma's own text format for SQLite timestamps in `_prisma_migrations`. */
function sqliteTimestamp(date = new Date()): string {
  return date.toISOString().replace("Z", "+00:00");
}

// The same DDL Prisma's schema engine uses, so whichever side creates the table, the other one reads it.
const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Returns the names of the migrations it applied. */
export async function migrateSqlite(file: string, dir: string): Promise<string[]> {
  const files = readMigrations(dir);
  mkdirSync(path.dirname(file), { recursive: true });
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { timeout: 30_000 });
  try {
    // WAL lets readers in other processes go on while one of them writes.
    db.pragma("journal_mode = WAL");
    // Prisma's SQLite migrations redefine tables (create copy, drop, rename); with foreign keys on, the drop would
    // cascade-delete child rows. Checked again below before committing.
    db.pragma("foreign_keys = OFF");
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(SQLITE_MIGRATIONS_TABLE);
      const rows = z
        .array(appliedRow)
        .parse(db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"').all());
      const pending = pendingMigrations(files, rows);
      const record = db.prepare(
        'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
      );
      for (const migration of pending) {
        const startedAt = sqliteTimestamp();
        try {
          db.exec(migration.sql);
        } catch (error) {
          throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
        }
        record.run(randomUUID(), migration.checksum, sqliteTimestamp(), migration.name, startedAt);
      }
      const violations = db.prepare("PRAGMA foreign_key_check").all();
      if (violations.length > 0) throw new MigrationError("Migrations left rows that break foreign keys; nothing was applied.");
      db.exec("COMMIT");
      return pending.map((migration) => migration.name);
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
  } finally {
    db.close();
  }
}

/** An arbitrary fixed key: every Digest process migrating the same database takes the same advisory lock. */
const ADVISORY_LOCK_KEY = 7_223_431_118;

/** The `?schema=` of a Prisma PostgreSQL URL (default public). */
export function postgresSchema(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get("schema") ?? undefined;
  } catch {
    return undefined;
  }
}

export async function migratePostgres(url: string, dir: string): Promise<string[]> {
  const files = readMigrations(dir);
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const schema = postgresSchema(url);
    if (schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${client.escapeIdentifier(schema)}`);
      await client.query(`SET search_path TO ${client.escapeIdentifier(schema)}`);
    }
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      await client.query(POSTGRES_MIGRATIONS_TABLE);
      const { rows } = await client.query(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
      );
      const pending = pendingMigrations(files, z.array(appliedRow).parse(rows));
      for (const migration of pending) {
        // One transaction per migration: PostgreSQL DDL is transactional, so a failed migration leaves nothing behind.
        await client.query("BEGIN");
        try {
          const started = await client.query<{ now: Date }>("SELECT now() AS now");
          await client.query(migration.sql);
          await client.query(
            'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)',
            [randomUUID(), migration.checksum, migration.name, started.rows[0].now],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
        }
      }
      return pending.map((migration) => migration.name);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

export async function migrateDatabase(config: DatabaseConfig, root: string = process.cwd()): Promise<string[]> {
  switch (config.kind) {
    case "none":
      return [];
    case "sqlite":
      return migrateSqlite(config.file, migrationsDir("sqlite", root));
    case "postgresql":
      return migratePostgres(config.url, migrationsDir("postgresql", root));
  }
}
