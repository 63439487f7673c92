/**
 * Prisma driver adapters (better-sqlite3, pg) wrapped with the workarounds the Wasm engine needs. Each workaround names
 * the defect it handles (see ../shared/notes/prisma-offline.md beside the checkout for how they were found); they
 * depend on internals of the exact adapter versions pinned in package.json.
 */
import { appendFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, SqlResultSet } from "@prisma/driver-adapter-utils";
import type * as Pg from "pg";
import type { Datasource } from "./arguments";
import { isPostgresUrl, pgFields, pgSchemaOf, sqlitePath } from "./database-urls";
import { isObject } from "./json";

// The adapters are loaded on demand, for the one provider a run uses.
const require = createRequire(import.meta.url);

/** The adapter factory the engine is given, with what the host needs to reset and close it. */
export interface AdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  readonly provider: "sqlite" | "postgres";
  closeAll(): Promise<void>;
}

/** The driver's message, which adapters put in `error.cause`. */
export function driverMessage(error: unknown): string {
  const cause = isObject(error) ? error.cause : undefined;
  if (isObject(cause) && cause.message !== undefined && cause.message !== null) return String(cause.message);
  if (isObject(error) || error instanceof Error) {
    const message = (error as { message?: unknown }).message;
    if (message !== undefined && message !== null) return String(message);
  }
  return "";
}

function causeKind(error: unknown): unknown {
  const cause = isObject(error) || error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  return isObject(cause) ? cause.kind : undefined;
}

type Traced = "queryRaw" | "executeRaw" | "executeScript";

/** PRISMA_ENGINE_HOST_TRACE=<file> records every statement the engine sends, for debugging the host. */
function traceAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const file = process.env.PRISMA_ENGINE_HOST_TRACE;
  if (!file) return adapter;
  const methods: Traced[] = ["queryRaw", "executeRaw", "executeScript"];
  for (const method of methods) {
    const original = (adapter[method] as (query: SqlQuery | string) => Promise<unknown>).bind(adapter);
    const traced = async (query: SqlQuery | string) => {
      const sql = typeof query === "string" ? query : query.sql;
      try {
        const result = await original(query);
        appendFileSync(file, `${method}: ${sql}\n`);
        return result;
      } catch (error) {
        appendFileSync(file, `${method} FAILED (${driverMessage(error) || "undefined"}): ${sql}\n`);
        throw error;
      }
    };
    Object.assign(adapter, { [method]: traced });
  }
  return adapter;
}

const MIGRATION_COLUMNS = [
  "id",
  "checksum",
  "finished_at",
  "migration_name",
  "logs",
  "rolled_back_at",
  "started_at",
  "applied_steps_count",
];
const NO_MIGRATION_ROWS: SqlResultSet = Object.freeze({
  columnNames: MIGRATION_COLUMNS,
  columnTypes: MIGRATION_COLUMNS.map(() => 7 /* ColumnTypeEnum.Text */ as const),
  rows: [],
});

/**
 * Defect 1: on a fresh database the engine's read of `_prisma_migrations` fails with P1014 (table missing) instead of
 * meaning "no migrations yet". Answering that read with no rows gives the native engine's behaviour; the engine
 * creates the table itself before it records a migration.
 */
function readsMissingMigrationsTable(query: SqlQuery, error: unknown): boolean {
  const kind = causeKind(error);
  const message = driverMessage(error);
  const missing = kind === "TableDoesNotExist" || /no such table|does not exist/i.test(message);
  return missing && /^\s*SELECT[\s\S]*FROM\s+[`"]?(\w+[`"]?\.)?[`"]?_prisma_migrations[`"]?/i.test(query.sql);
}

/** better-sqlite3 rejects several statements in one `executeRaw`; its `exec` (executeScript) takes them (defect 2). */
function wrapSqliteAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  traceAdapter(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (error) {
      if (readsMissingMigrationsTable(query, error)) return NO_MIGRATION_ROWS;
      throw error;
    }
  };
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      const message = driverMessage(error);
      if ((query.args?.length ?? 0) === 0 && /more than one statement/i.test(message)) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };
  return adapter;
}

function sqliteFactory(datasource: Datasource & { url: string }): AdapterFactory {
  const { PrismaBetterSqlite3 } = require("@prisma/adapter-better-sqlite3") as typeof import("@prisma/adapter-better-sqlite3");
  const file = sqlitePath(datasource.url);
  const shadow = datasource.shadowDatabaseUrl ? sqlitePath(datasource.shadowDatabaseUrl) : ":memory:";
  const inner = new PrismaBetterSqlite3({ url: file, timeout: 10_000 }, { shadowDatabaseUrl: shadow });
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      await dispose();
    };
    return wrapSqliteAdapter(adapter);
  };
  return {
    provider: "sqlite",
    adapterName: inner.adapterName,
    connect: async () => track(await inner.connect()),
    connectToShadowDb: async () => track(await inner.connectToShadowDb()),
    async closeAll() {
      for (const adapter of [...open]) await adapter.dispose().catch(() => {});
    },
  };
}

type QueryCallback = (error: Error | null, result: unknown) => void;

/** A pg client whose results report Postgres' internal `"char"` type (OID 18) as text: adapter-pg rejects it (defect 6). */
function charAsTextClient(pg: typeof Pg): typeof Pg.Client {
  const fix = (result: unknown): unknown => {
    for (const one of Array.isArray(result) ? result : [result]) {
      const fields: unknown = isObject(one) ? one.fields : undefined;
      for (const field of Array.isArray(fields) ? fields : []) {
        if (isObject(field) && field.dataTypeID === 18) field.dataTypeID = 25;
      }
    }
    return result;
  };
  // pg's `query` has many overloads; this override forwards every shape unchanged and only rewrites the results.
  class CharAsTextClient extends pg.Client {
    query(...input: unknown[]): never {
      const config = input[0];
      let [, values, callback] = input;
      if (typeof values === "function") {
        callback = values;
        values = undefined;
      }
      const query = super.query.bind(this) as (...args: unknown[]) => unknown;
      if (isObject(config) && typeof config.submit === "function") return query(config, values, callback) as never;
      if (typeof callback === "function") {
        const done = callback as QueryCallback;
        return query(config, values, (error: Error | null, result: unknown) => done(error, error ? result : fix(result))) as never;
      }
      return (query(config, values) as Promise<unknown>).then(fix) as never;
    }
  }
  return CharAsTextClient;
}

/** What adapter-pg's adapter offers beyond the interface: its pool and its error translation. */
interface PgAdapterInternals {
  underlyingDriver(): Pg.Pool;
  onError(error: unknown): never;
}

/** adapter-pg splits scripts on `;`; one query keeps a failed migration atomic and keeps `;` inside strings (defect 8). */
function wrapPgAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  traceAdapter(adapter);
  const internals = adapter as SqlDriverAdapter & PgAdapterInternals;
  adapter.executeScript = async (script) => {
    const pool = internals.underlyingDriver();
    try {
      await pool.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

function postgresFactory(datasource: Datasource & { url: string }): AdapterFactory {
  const pg = require("pg") as typeof Pg;
  const { PrismaPg } = require("@prisma/adapter-pg") as typeof import("@prisma/adapter-pg");
  const Client = charAsTextClient(pg);
  const schema = pgSchemaOf(datasource.url);
  const poolFor = (url: string, database?: string) =>
    new pg.Pool({ ...pgFields(url), ...(database ? { database } : {}), Client, connectionTimeoutMillis: 10_000 });
  const connectTo = async (pool: Pg.Pool) =>
    wrapPgAdapter(await new PrismaPg(pool, { schema, disposeExternalPool: true }).connect());

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(poolFor(datasource.url)),
    async connectToShadowDb() {
      if (datasource.shadowDatabaseUrl) return connectTo(poolFor(datasource.shadowDatabaseUrl));
      // Defect 7: create the temporary database ourselves and drop it only after its pool is closed.
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      const admin = new pg.Client(pgFields(datasource.url));
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${database}"`);
      } finally {
        await admin.end();
      }
      const adapter = await connectTo(poolFor(datasource.url, database));
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client(pgFields(datasource.url));
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS "${database}"`);
        } finally {
          await dropper.end();
        }
      };
      return adapter;
    },
    async closeAll() {},
  };
}

export function adapterFactory(datasource: Datasource | null): AdapterFactory {
  const url = datasource?.url;
  if (!datasource || !url) throw new Error("No datasource URL: set DATABASE_URL or datasource.url in prisma.config.ts");
  return isPostgresUrl(url) ? postgresFactory({ ...datasource, url }) : sqliteFactory({ ...datasource, url });
}
