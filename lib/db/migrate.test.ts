import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { disconnectDatabase, getDatabase } from "./client";
import { migrationsDir } from "./config";
import { migrateSqlite, readMigrations } from "./migrate";
import { testDatabases } from "./testing";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");
const engineHost = path.join(root, "scripts", "prisma-schema-engine.mjs");
const sqliteMigrations = migrationsDir("sqlite", root);

/** Runs the Prisma CLI the way `npm run db:status` does, with the offline engine host. */
async function prisma(args: string[], databaseUrl: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [prismaCli, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_SCHEMA_ENGINE_BINARY: engineHost, CHECKPOINT_DISABLE: "1" },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

describe("in-process migrations on SQLite", () => {
  let dir: string;
  const savedUrl = process.env.DATABASE_URL;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "digest-migrate-"));
  });
  afterEach(async () => {
    await disconnectDatabase();
    process.env.DATABASE_URL = savedUrl;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates and migrates a fresh database file the first time the app asks for it", async () => {
    const file = path.join(dir, "nested", "fresh.db");
    process.env.DATABASE_URL = `file:${file}`;
    delete process.env.DIGEST_STORE;
    expect(existsSync(file)).toBe(false);

    const db = await getDatabase();
    expect(existsSync(file)).toBe(true);
    expect(await db?.post.count()).toBe(0);

    const sqlite = new Database(file, { readonly: true });
    const rows = sqlite.prepare('SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"').all();
    sqlite.close();
    const expected = readMigrations(sqliteMigrations).map((migration) => ({
      migration_name: migration.name,
      checksum: createHash("sha256").update(readFileSync(path.join(sqliteMigrations, migration.name, "migration.sql"))).digest("hex"),
      applied_steps_count: 1,
    }));
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected.map((row) => expect.objectContaining({ ...row, finished_at: expect.any(String) })));

    // Prisma's own CLI, through the offline engine host, agrees that nothing is pending.
    const status = await prisma(["migrate", "status"], `file:${file}`);
    expect(status.output).toContain("Database schema is up to date");
    expect(status.code).toBe(0);
  });

  it("is a no-op the second time", async () => {
    const file = path.join(dir, "twice.db");
    expect(await migrateSqlite(file, sqliteMigrations)).toEqual(readMigrations(sqliteMigrations).map((m) => m.name));
    expect(await migrateSqlite(file, sqliteMigrations)).toEqual([]);
  });

  it("lets exactly one of several processes starting at once apply the migrations", async () => {
    const file = path.join(dir, "race.db");
    const script = `import { migrateSqlite } from ${JSON.stringify(path.join(root, "lib/db/migrate.ts"))};
      console.log(JSON.stringify(await migrateSqlite(${JSON.stringify(file)}, ${JSON.stringify(sqliteMigrations)})));`;
    const runs = await Promise.all(
      [1, 2, 3].map(() =>
        run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, timeout: 60_000 }),
      ),
    );
    const applied = runs.map((result) => JSON.parse(result.stdout.trim()) as string[]);
    expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
    const sqlite = new Database(file, { readonly: true });
    const count = sqlite.prepare('SELECT COUNT(*) AS n FROM "_prisma_migrations"').get() as { n: number };
    sqlite.close();
    expect(count.n).toBe(readMigrations(sqliteMigrations).length);
  });

  it("is noticed by `prisma migrate status` when it has not run (the check above can fail)", async () => {
    const file = path.join(dir, "empty.db");
    new Database(file).close();
    const status = await prisma(["migrate", "status"], `file:${file}`);
    expect(status.output).toMatch(/not yet been applied/);
    expect(status.code).not.toBe(0);
  });

  it("matches the schema: the migrations produce exactly what schema.prisma describes", async () => {
    const diff = await prisma(
      ["migrate", "diff", "--from-migrations", sqliteMigrations, "--to-schema", path.join(root, "prisma/sqlite/schema.prisma"), "--exit-code"],
      `file:${path.join(dir, "diff.db")}`,
    );
    expect(diff.output).toContain("No difference detected");
    expect(diff.code).toBe(0);
  });
});

const postgres = testDatabases().find((database) => database.kind === "postgresql");

describe.skipIf(!postgres)("in-process migrations on PostgreSQL (TEST_DATABASE_URL)", () => {
  afterAll(() => postgres?.close());

  it("migrates a fresh schema at first use, and `prisma migrate status` agrees", async () => {
    const db = await postgres!.open();
    expect(await db.post.count()).toBe(0);
    const url = process.env.DATABASE_URL!;
    await disconnectDatabase();
    const status = await prisma(["migrate", "status"], url);
    expect(status.output).toContain("Database schema is up to date");
    expect(status.code).toBe(0);
  });
});
