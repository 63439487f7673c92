/**
 * The one way into the database. No `server-only` import: the users CLI and other scripts use it too.
 *
 * `getDatabase()` opens the configured database once per process (kept on globalThis so Next.js dev reloads do not
 * open a new pool each time), applying pending migrations first. Nothing happens at import time.
 */
import { PrismaClient, type Prisma } from "../../prisma/generated/sqlite/client";
import { StoreUnavailableError } from "../errors";
import { processSingleton, processSlot, resetProcessSingleton } from "../singleton";
import { databaseConfig, type DatabaseConfig } from "./config";
import { migrateDatabase, postgresSchema } from "./migrate";

export { databaseConfig, type DatabaseConfig } from "./config";

/** One client type for both providers: the generated model APIs are the same (see `openPostgres`). */
export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type DbTransaction = Prisma.TransactionClient;
/** Filter on posts, for query builders in lib/store. */
export type PostWhere = Prisma.PostWhereInput;
/** A post row's scalar columns, as lib/store/sql/rows-write.ts builds them from the field list. */
export type PostRowData = Prisma.PostUncheckedCreateInput;

interface DatabaseState {
  key: string;
  db: Promise<Db | null>;
}

const databaseSlot = processSlot<DatabaseState>("database");

function configKey(config: DatabaseConfig): string {
  return config.kind === "none" ? "none" : config.kind === "sqlite" ? `sqlite:${config.file}` : `postgresql:${config.url}`;
}

async function openSqlite(file: string): Promise<Db> {
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: 10_000 }) });
}

/**
 * A local SQLite database at `file` with Digest's schema, migrated and connected, once per process: the local index of
 * the Markdown files uses it (same schema, same queries as the real database).
 */
export function openLocalSqlite(file: string): Promise<Db> {
  const opened = processSingleton(`sqlite:${file}`, () => {
    const state = { db: (async () => {
      await migrateDatabase({ kind: "sqlite", file });
      const db = await openSqlite(file);
      await db.$connect();
      return db;
    })() };
    state.db.catch(() => resetProcessSingleton(`sqlite:${file}`));
    return state;
  });
  return opened.db;
}

/** Closes a database opened with `openLocalSqlite` (tests). */
export async function closeLocalSqlite(file: string): Promise<void> {
  const opened = processSingleton<{ db: Promise<Db> } | null>(`sqlite:${file}`, () => null);
  resetProcessSingleton(`sqlite:${file}`);
  const db = await opened?.db.catch(() => null);
  await db?.$disconnect();
}

async function openPostgres(url: string): Promise<Db> {
  const [{ PrismaPg }, generated] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("../../prisma/generated/postgresql/client"),
  ]);
  const schema = postgresSchema(url);
  // Raw SQL (the search index) names tables without a schema, so the connection's search_path must be the schema too.
  const adapter = new PrismaPg(
    { connectionString: url, connectionTimeoutMillis: 5_000, ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '""')}"` } : {}) },
    schema ? { schema } : undefined,
  );
  const client = new generated.PrismaClient({ adapter });
  // The two generated clients differ only in provider-specific details the app never uses (native types, some
  // filter modes); their model methods, arguments and results are the same. One cast here lets every caller use a
  // single `Db` type whichever provider is configured; lib/db/schema-drift.test.ts keeps the schemas in step.
  return client as unknown as Db;
}

async function open(config: DatabaseConfig): Promise<Db | null> {
  if (config.kind === "none") return null;
  try {
    await migrateDatabase(config);
    const db = config.kind === "sqlite" ? await openSqlite(config.file) : await openPostgres(config.url);
    await db.$connect();
    return db;
  } catch (error) {
    const where = config.kind === "sqlite" ? config.file : "PostgreSQL";
    throw new StoreUnavailableError(`The database (${where}) could not be opened: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * The database client, migrated and connected; null when DIGEST_STORE=files. Throws StoreUnavailableError when the
 * database cannot be reached or migrated; the next call tries again.
 */
export function getDatabase(): Promise<Db | null> {
  const config = databaseConfig();
  const key = configKey(config);
  const current = databaseSlot.value;
  if (current && current.key === key) return current.db;
  const state: DatabaseState = { key, db: open(config) };
  // A failure is not cached: the database may come up later (PostgreSQL starting after the app).
  state.db.catch(() => {
    if (databaseSlot.value === state) databaseSlot.value = undefined;
  });
  databaseSlot.value = state;
  if (current) void current.db.then((db) => db?.$disconnect()).catch(() => {});
  return state.db;
}

/** Closes the client (tests, scripts); the next `getDatabase()` opens it again. */
export async function disconnectDatabase(): Promise<void> {
  const current = databaseSlot.value;
  databaseSlot.value = undefined;
  if (!current) return;
  const db = await current.db.catch(() => null);
  await db?.$disconnect();
}

/**
 * Whether the configured database answers. For PostgreSQL it opens one short-lived connection with pg's
 * connectionTimeoutMillis and gives up after `timeoutMs`, so a stopped server or closed port is noticed quickly
 * instead of waiting on a pool. SQLite is a local file: it is up when it can be opened (and migrated, on the first
 * call, which may take longer than `timeoutMs` on a busy machine and is not cut short).
 */
export async function isDatabaseUp(timeoutMs = 1500): Promise<boolean> {
  const config = databaseConfig();
  if (config.kind === "none") return false;
  if (config.kind === "sqlite") {
    try {
      const db = await getDatabase();
      await db?.$queryRawUnsafe("SELECT 1");
      return db !== null;
    } catch {
      return false;
    }
  }
  const probe = async (): Promise<boolean> => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: config.url, connectionTimeoutMillis: timeoutMs });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } finally {
      await client.end().catch(() => {});
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([probe().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
