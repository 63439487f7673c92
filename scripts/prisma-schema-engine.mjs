#!/usr/bin/env node
/**
 * A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it (only the npm registry is
 * reachable). prisma.config.ts names this file in PRISMA_SCHEMA_ENGINE_BINARY only when no native engine is installed,
 * so machines with internet keep Prisma's own binary.
 *
 * It hosts the published WebAssembly schema engine (@prisma/schema-engine-wasm) on a Prisma driver adapter and speaks
 * the native binary's protocol to the CLI: JSON-RPC 2.0 over stdin/stdout, one object per line, started with
 * `--datamodels <path>` (repeatable) and `--datasource <json>`; one-shot `cli <command>` calls; `--version`.
 *
 * The Wasm engine + adapter path has known defects; each workaround below names the defect it handles
 * (see ../shared/notes/prisma-offline.md beside the checkout for how they were found). It depends on internals of the exact versions
 * pinned in package.json (prisma, the adapters, the wasm engine).
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------------------------------
// Arguments

function parseArguments(argv) {
  const result = { datamodels: [], datasource: null, cliCommand: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") result.version = true;
    else if (arg === "--datamodels" || arg === "-d") result.datamodels.push(argv[++i]);
    else if (arg === "--datasource") result.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") result.cliCommand = argv[++i] ?? null;
  }
  return result;
}

/** The Wasm engine's own commit hash (not the native engine's), so `prisma version` says what really runs. */
function engineVersion() {
  try {
    const entry = require.resolve("@prisma/schema-engine-wasm");
    const { version } = JSON.parse(readFileSync(path.join(path.dirname(entry), "package.json"), "utf8"));
    return `${version.split(".").pop()} (@prisma/schema-engine-wasm ${version}, offline host)`;
  } catch {
    return "unknown (@prisma/schema-engine-wasm, offline host)";
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Database URLs

function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The path of a `file:` URL; relative paths are relative to the working directory, as the native engine does. */
function sqlitePath(url) {
  const withoutScheme = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (withoutScheme.startsWith("//")) return fileURLToPath(url.replace(/\?.*$/, ""));
  return path.resolve(process.cwd(), withoutScheme);
}

/** Discrete pg connection fields: a `connectionString` would override `database` (defect 7). */
function pgFields(url) {
  const { parse } = require("pg-connection-string");
  const parsed = parse(url);
  const fields = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value === null || value === undefined || value === "") continue;
    if (key === "options" || key === "schema") continue;
    fields[key] = key === "port" ? Number(value) : value;
  }
  // Prisma's `?schema=` selects the PostgreSQL schema; unqualified statements in migrations must land there too.
  const schema = pgSchemaOf(url);
  if (schema) fields.options = `-c search_path="${schema.replace(/"/g, '""')}"`;
  return fields;
}

function pgSchemaOf(url) {
  try {
    return new URL(url).searchParams.get("schema") ?? undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Driver adapters with the workarounds

/** PRISMA_ENGINE_HOST_TRACE=<file> records every statement the engine sends, for debugging the host. */
function traceAdapter(adapter) {
  const file = process.env.PRISMA_ENGINE_HOST_TRACE;
  if (!file) return adapter;
  for (const method of ["queryRaw", "executeRaw", "executeScript"]) {
    const original = adapter[method].bind(adapter);
    adapter[method] = async (query) => {
      const sql = typeof query === "string" ? query : query.sql;
      try {
        const result = await original(query);
        appendFileSync(file, `${method}: ${sql}\n`);
        return result;
      } catch (error) {
        appendFileSync(file, `${method} FAILED (${error?.cause?.message ?? error?.message}): ${sql}\n`);
        throw error;
      }
    };
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
const NO_MIGRATION_ROWS = Object.freeze({
  columnNames: MIGRATION_COLUMNS,
  columnTypes: MIGRATION_COLUMNS.map(() => 7 /* ColumnTypeEnum.Text */),
  rows: [],
});

/**
 * Defect 1: on a fresh database the engine's read of `_prisma_migrations` fails with P1014 (table missing) instead of
 * meaning "no migrations yet". Answering that read with no rows gives the native engine's behaviour; the engine
 * creates the table itself before it records a migration.
 */
function readsMissingMigrationsTable(query, error) {
  const kind = error?.cause?.kind;
  const message = String(error?.cause?.message ?? error?.message ?? "");
  const missing = kind === "TableDoesNotExist" || /no such table|does not exist/i.test(message);
  return missing && /^\s*SELECT[\s\S]*FROM\s+[`"]?(\w+[`"]?\.)?[`"]?_prisma_migrations[`"]?/i.test(query.sql);
}

/** better-sqlite3 rejects several statements in one `executeRaw`; its `exec` (executeScript) takes them (defect 2). */
function wrapSqliteAdapter(adapter) {
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
      const message = String(error?.cause?.message ?? error?.message ?? "");
      if ((query.args?.length ?? 0) === 0 && /more than one statement/i.test(message)) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };
  return adapter;
}

function sqliteFactory(datasource) {
  const { PrismaBetterSqlite3 } = require("@prisma/adapter-better-sqlite3");
  const file = sqlitePath(datasource.url);
  const shadow = datasource.shadowDatabaseUrl ? sqlitePath(datasource.shadowDatabaseUrl) : ":memory:";
  const inner = new PrismaBetterSqlite3({ url: file, timeout: 10_000 }, { shadowDatabaseUrl: shadow });
  const open = new Set();
  const track = (adapter) => {
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
    file,
    connect: async () => track(await inner.connect()),
    connectToShadowDb: async () => track(await inner.connectToShadowDb()),
    async closeAll() {
      for (const adapter of [...open]) await adapter.dispose().catch(() => {});
    },
  };
}

/** A pg client whose results report Postgres' internal `"char"` type (OID 18) as text: adapter-pg rejects it (defect 6). */
function charAsTextClient(pg) {
  const fix = (result) => {
    for (const one of Array.isArray(result) ? result : [result]) {
      for (const field of one?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    }
    return result;
  };
  return class CharAsTextClient extends pg.Client {
    query(config, values, callback) {
      if (typeof values === "function") {
        callback = values;
        values = undefined;
      }
      if (config && typeof config.submit === "function") return super.query(config, values, callback);
      if (typeof callback === "function") {
        return super.query(config, values, (error, result) => callback(error, error ? result : fix(result)));
      }
      return super.query(config, values).then(fix);
    }
  };
}

/** adapter-pg splits scripts on `;`; one query keeps a failed migration atomic and keeps `;` inside strings (defect 8). */
function wrapPgAdapter(adapter) {
  traceAdapter(adapter);
  adapter.executeScript = async (script) => {
    const pool = adapter.underlyingDriver();
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

function postgresFactory(datasource) {
  const pg = require("pg");
  const { PrismaPg } = require("@prisma/adapter-pg");
  const Client = charAsTextClient(pg);
  const schema = pgSchemaOf(datasource.url);
  const poolFor = (url, database) =>
    new pg.Pool({ ...pgFields(url), ...(database ? { database } : {}), Client, connectionTimeoutMillis: 10_000 });
  const connectTo = async (pool) =>
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

function adapterFactory(datasource) {
  if (!datasource?.url) throw new Error("No datasource URL: set DATABASE_URL or datasource.url in prisma.config.ts");
  return isPostgresUrl(datasource.url) ? postgresFactory(datasource) : sqliteFactory(datasource);
}

// ---------------------------------------------------------------------------------------------------------------------
// The Wasm engine

async function loadWasmEngine() {
  const entry = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(pathToFileURL(entry).href);
  const wasmPath = path.join(path.dirname(entry), "schema_engine_bg.wasm");
  // The package imports the .wasm file as an ES module, which plain Node cannot do: instantiate it by hand.
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings;
}

function logLine(level, message, extra = {}) {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" }) + "\n",
  );
}

class Host {
  constructor(bindings, args) {
    this.bindings = bindings;
    this.args = args;
    this.engine = null;
    this.factory = null;
    this.bound = null;
  }

  datamodels() {
    const files = this.args.datamodels.map((file) => [file, readFileSync(file, "utf8")]);
    // Defect 5: an empty list makes the engine panic; undefined means "no schema".
    return files.length > 0 ? files : undefined;
  }

  async getEngine() {
    if (this.engine) return this.engine;
    const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");
    this.factory = adapterFactory(this.args.datasource);
    this.bound = bindMigrationAwareSqlAdapterFactory(this.factory);
    const onLog = (line) => {
      try {
        const parsed = JSON.parse(line);
        process.stderr.write(JSON.stringify(parsed) + "\n");
      } catch {
        logLine("INFO", String(line));
      }
    };
    this.engine = await this.bindings.SchemaEngine.new({ datamodels: this.datamodels() }, onLog, this.bound);
    return this.engine;
  }

  async dropEngine() {
    if (this.engine) {
      try {
        this.engine.free();
      } catch {}
    }
    this.engine = null;
    await this.factory?.closeAll();
  }

  /** Defect 9: adapter errors reach us as "External error id#N"; put the driver's own message back. */
  explain(message) {
    return String(message).replace(/External error id#(\d+)/g, (whole, id) => {
      const record = this.bound?.errorRegistry.consumeError(Number(id));
      const error = record?.error;
      return error ? `${whole}: ${error.message ?? String(error)}` : whole;
    });
  }

  async call(method, params) {
    if (method === "reset" && this.factory?.provider !== "postgres" && !isPostgresUrl(this.args.datasource?.url ?? "")) {
      return this.resetSqlite();
    }
    const engine = await this.getEngine();
    if (typeof engine[method] !== "function") {
      throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    }
    if ((method === "evaluateDataLoss" || method === "createMigration") && params?.migrationsList) {
      await this.warmMigrationSchemaCache(engine, params);
    }
    return engine[method](params ?? {});
  }

  /**
   * Defect 10 (found here, not in the note): `evaluateDataLoss` and `createMigration` replay the migrations only from
   * the engine's cache and otherwise fail with "shadow DB must be provided through an external factory". That cache is
   * filled by the commands that do get the adapter factory, e.g. diagnoseMigrationHistory with the shadow database
   * allowed; in `migrate dev` on a fresh database nothing had filled it yet. Fill it first, with the same migrations.
   */
  async warmMigrationSchemaCache(engine, params) {
    try {
      await engine.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters ?? { externalTables: [], externalEnums: [] },
      });
    } catch {
      // The real command reports its own error.
    }
  }

  /** Defect 3: the Wasm reset only deletes rows and leaves sqlite_sequence; truncate the file as the native engine does. */
  async resetSqlite() {
    const file = sqlitePath(this.args.datasource.url);
    await this.dropEngine();
    if (existsSync(file)) writeFileSync(file, "");
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    return {};
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// JSON-RPC

/** Engine errors come as objects or JSON text; turn them into the error the CLI expects (`data.error_code`, `data.message`). */
function rpcError(host, error) {
  if (error?.rpcCode) return { code: error.rpcCode, message: error.message };
  let payload = error;
  if (typeof error === "string") {
    try {
      payload = JSON.parse(error);
    } catch {
      payload = { message: error };
    }
  } else if (error instanceof Error) {
    try {
      payload = JSON.parse(error.message);
    } catch {
      payload = { message: error.message, is_panic: error instanceof WebAssembly.RuntimeError };
      if (payload.is_panic) payload.message = `${error.message}\n${error.stack ?? ""}`;
    }
  }
  const message = host.explain(payload?.message ?? "Unknown error");
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: {
      is_panic: Boolean(payload?.is_panic),
      message,
      meta: payload?.meta ?? null,
      error_code: payload?.error_code ?? null,
      ...(payload?.is_panic ? { error: { message } } : {}),
    },
  };
}

function serveRpc(host) {
  let nextOwnId = 1_000_000;
  const pendingOwn = new Map();
  const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");
  const askCli = (method, params) =>
    new Promise((resolve) => {
      const id = nextOwnId++;
      pendingOwn.set(id, resolve);
      send({ jsonrpc: "2.0", id, method, params });
    });

  // Requests are answered one at a time, in order, as the native engine does.
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.id !== undefined && pendingOwn.has(message.id) && !message.method) {
      pendingOwn.get(message.id)(message);
      pendingOwn.delete(message.id);
      return;
    }
    queue = queue.then(async () => {
      try {
        const result = await host.call(message.method, message.params);
        // Defect 4: the Wasm `diff` returns its output instead of asking the CLI to print it.
        if (message.method === "diff" && typeof result?.stdout === "string") {
          await askCli("print", { content: result.stdout });
        }
        send({ jsonrpc: "2.0", id: message.id, result: result ?? {} });
      } catch (error) {
        send({ jsonrpc: "2.0", id: message.id, error: rpcError(host, error) });
      }
    });
  });
  lines.on("close", () => {
    queue.then(async () => {
      await host.dropEngine().catch(() => {});
      process.exit(0);
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// One-shot commands: `cli can-connect-to-database | create-database | drop-database`

/** The CLI reads stderr lines after the first as JSON log records and looks for an ERROR with an error code. */
function failOneShot(errorCode, message) {
  process.stderr.write(
    "schema-engine-wasm host\n" +
      JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { error_code: errorCode, message } }),
  );
  process.exit(1);
}

async function runOneShot(args) {
  const url = args.datasource?.url;
  if (!url) failOneShot("P1012", "No datasource URL.");
  if (!isPostgresUrl(url)) {
    const file = sqlitePath(url);
    if (args.cliCommand === "drop-database") {
      rmSync(file, { force: true });
    } else if (args.cliCommand === "create-database" || args.cliCommand === "can-connect-to-database") {
      if (args.cliCommand === "can-connect-to-database" && !existsSync(file)) {
        failOneShot("P1003", `Database ${path.basename(file)} does not exist at ${file}`);
      }
      const Database = require("better-sqlite3");
      mkdirSync(path.dirname(file), { recursive: true });
      new Database(file).close();
    }
    return;
  }

  const pg = require("pg");
  const fields = pgFields(url);
  const tryConnect = async (database) => {
    const client = new pg.Client({ ...fields, database, connectionTimeoutMillis: 10_000 });
    await client.connect();
    return client;
  };
  if (args.cliCommand === "can-connect-to-database") {
    try {
      (await tryConnect(fields.database)).end();
    } catch (error) {
      if (error?.code === "3D000") failOneShot("P1003", `Database \`${fields.database}\` does not exist`);
      failOneShot("P1001", `Can't reach database server at \`${fields.host}:${fields.port ?? 5432}\`: ${error.message}`);
    }
    return;
  }
  const admin = await tryConnect("postgres").catch((error) =>
    failOneShot("P1001", `Can't reach database server at \`${fields.host}:${fields.port ?? 5432}\`: ${error.message}`),
  );
  try {
    if (args.cliCommand === "create-database") await admin.query(`CREATE DATABASE "${fields.database}"`);
    else if (args.cliCommand === "drop-database") await admin.query(`DROP DATABASE IF EXISTS "${fields.database}"`);
  } catch (error) {
    failOneShot("P1000", error.message);
  } finally {
    await admin.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------------

const args = parseArguments(process.argv.slice(2));
if (args.version) {
  process.stdout.write(`schema-engine-cli ${engineVersion()}\n`);
  process.exit(0);
}
process.on("unhandledRejection", (error) => logLine("ERROR", String(error?.stack ?? error)));
if (args.cliCommand) {
  await runOneShot(args);
  process.exit(0);
}
const bindings = await loadWasmEngine();
serveRpc(new Host(bindings, args));
