/**
 * Test support: the databases a suite runs against. SQLite always (a fresh temp file per suite); PostgreSQL too when
 * TEST_DATABASE_URL is set, in a fresh schema per suite so runs are repeatable and suites do not see each other.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { disconnectDatabase, getDatabase, type Db } from "./client";

export interface TestDatabase {
  kind: "sqlite" | "postgresql";
  /** Points DATABASE_URL at a fresh database and returns the migrated client. */
  open(): Promise<Db>;
  /** Disconnects and removes what open() created. */
  close(): Promise<void>;
}

function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("schema", schema);
  return parsed.toString();
}

function sqliteTestDatabase(): TestDatabase {
  let dir: string | null = null;
  return {
    kind: "sqlite",
    async open() {
      dir = mkdtempSync(path.join(os.tmpdir(), "digest-db-"));
      process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
      delete process.env.DIGEST_STORE;
      const db = await getDatabase();
      if (!db) throw new Error("no database");
      return db;
    },
    async close() {
      await disconnectDatabase();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresTestDatabase(baseUrl: string): TestDatabase {
  const schema = `digest_test_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  return {
    kind: "postgresql",
    async open() {
      process.env.DATABASE_URL = withSchema(baseUrl, schema);
      delete process.env.DIGEST_STORE;
      const db = await getDatabase();
      if (!db) throw new Error("no database");
      return db;
    },
    async close() {
      await disconnectDatabase();
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export function testDatabases(env: Record<string, string | undefined> = process.env): TestDatabase[] {
  const databases = [sqliteTestDatabase()];
  if (env.TEST_DATABASE_URL) databases.push(postgresTestDatabase(env.TEST_DATABASE_URL));
  return databases;
}
