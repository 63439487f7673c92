/**
 * The Wasm schema engine behind the native binary's JSON-RPC 2.0 protocol: one object per line on stdin/stdout,
 * requests answered one at a time in order, engine errors shaped as the CLI expects them.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { pathToFileURL } from "node:url";
import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiagnoseMigrationHistoryInput, SchemaEngine } from "@prisma/schema-engine-wasm";
import { adapterFactory, type AdapterFactory } from "./adapter-shims";
import type { EngineArguments } from "./arguments";
import { isPostgresUrl, sqlitePath } from "./database-urls";
import { isObject, type JsonObject } from "./json";

const require = createRequire(import.meta.url);

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

export async function loadWasmEngine(): Promise<Bindings> {
  const entry = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = (await import(pathToFileURL(entry).href)) as Bindings;
  const wasmPath = path.join(path.dirname(entry), "schema_engine_bg.wasm");
  // The package imports the .wasm file as an ES module, which plain Node cannot do: instantiate it by hand.
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

export function logLine(level: string, message: string, extra: JsonObject = {}): void {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" }) + "\n",
  );
}

/** An error whose JSON-RPC code is already known (not an engine error). */
class RpcCodeError extends Error {
  constructor(
    message: string,
    readonly rpcCode: number,
  ) {
    super(message);
  }
}

export class Host {
  private engine: SchemaEngine | null = null;
  private factory: AdapterFactory | null = null;
  private bound: ErrorCapturingSqlMigrationAwareDriverAdapterFactory | null = null;

  constructor(
    private readonly bindings: Bindings,
    private readonly args: EngineArguments,
  ) {}

  private datamodels(): [string, string][] | undefined {
    const files = this.args.datamodels.map((file): [string, string] => [file, readFileSync(file, "utf8")]);
    // Defect 5: an empty list makes the engine panic; undefined means "no schema".
    return files.length > 0 ? files : undefined;
  }

  private async getEngine(): Promise<SchemaEngine> {
    if (this.engine) return this.engine;
    const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils") as typeof import("@prisma/driver-adapter-utils");
    this.factory = adapterFactory(this.args.datasource);
    this.bound = bindMigrationAwareSqlAdapterFactory(this.factory);
    const onLog = (line: unknown) => {
      try {
        const parsed: unknown = JSON.parse(String(line));
        process.stderr.write(JSON.stringify(parsed) + "\n");
      } catch {
        logLine("INFO", String(line));
      }
    };
    this.engine = await this.bindings.SchemaEngine.new({ datamodels: this.datamodels() }, onLog, this.bound);
    return this.engine;
  }

  async dropEngine(): Promise<void> {
    if (this.engine) {
      try {
        this.engine.free();
      } catch {}
    }
    this.engine = null;
    await this.factory?.closeAll();
  }

  /** Defect 9: adapter errors reach us as "External error id#N"; put the driver's own message back. */
  explain(message: unknown): string {
    return String(message).replace(/External error id#(\d+)/g, (whole, id: string) => {
      const record = this.bound?.errorRegistry.consumeError(Number(id));
      const error = record?.error;
      if (!error) return whole;
      const own = isObject(error) || error instanceof Error ? (error as { message?: unknown }).message : undefined;
      return `${whole}: ${own ?? String(error)}`;
    });
  }

  async call(method: string, params: unknown): Promise<unknown> {
    if (method === "reset" && this.factory?.provider !== "postgres" && !isPostgresUrl(this.args.datasource?.url ?? "")) {
      return this.resetSqlite();
    }
    const engine = await this.getEngine();
    const handler = (engine as unknown as Record<string, unknown>)[method];
    if (typeof handler !== "function") throw new RpcCodeError(`Method not found: ${method}`, -32601);
    if ((method === "evaluateDataLoss" || method === "createMigration") && isObject(params) && params.migrationsList) {
      await this.warmMigrationSchemaCache(engine, params);
    }
    return (handler as (input: unknown) => Promise<unknown>).call(engine, params ?? {});
  }

  /**
   * Defect 10 (found here, not in the note): `evaluateDataLoss` and `createMigration` replay the migrations only from
   * the engine's cache and otherwise fail with "shadow DB must be provided through an external factory". That cache is
   * filled by the commands that do get the adapter factory, e.g. diagnoseMigrationHistory with the shadow database
   * allowed; in `migrate dev` on a fresh database nothing had filled it yet. Fill it first, with the same migrations.
   */
  private async warmMigrationSchemaCache(engine: SchemaEngine, params: JsonObject): Promise<void> {
    try {
      await engine.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters ?? { externalTables: [], externalEnums: [] },
      } as DiagnoseMigrationHistoryInput);
    } catch {
      // The real command reports its own error.
    }
  }

  /** Defect 3: the Wasm reset only deletes rows and leaves sqlite_sequence; truncate the file as the native engine does. */
  private async resetSqlite(): Promise<JsonObject> {
    const file = sqlitePath(this.args.datasource?.url ?? "");
    await this.dropEngine();
    if (existsSync(file)) writeFileSync(file, "");
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    return {};
  }
}

interface RpcError {
  code: number;
  message: string;
  data?: JsonObject;
}

/** Engine errors come as objects or JSON text; turn them into the error the CLI expects (`data.error_code`, `data.message`). */
function rpcError(host: Host, error: unknown): RpcError {
  if (error instanceof RpcCodeError) return { code: error.rpcCode, message: error.message };
  let payload: unknown = error;
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
      const isPanic = error instanceof WebAssembly.RuntimeError;
      payload = { message: isPanic ? `${error.message}\n${error.stack ?? ""}` : error.message, is_panic: isPanic };
    }
  }
  const fields: JsonObject = isObject(payload) ? payload : {};
  const message = host.explain(fields.message ?? "Unknown error");
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: {
      is_panic: Boolean(fields.is_panic),
      message,
      meta: fields.meta ?? null,
      error_code: fields.error_code ?? null,
      ...(fields.is_panic ? { error: { message } } : {}),
    },
  };
}

type RpcId = string | number | null;

function rpcId(value: unknown): RpcId | undefined {
  return typeof value === "string" || typeof value === "number" || value === null ? value : undefined;
}

export function serveRpc(host: Host): void {
  let nextOwnId = 1_000_000;
  const pendingOwn = new Map<RpcId, (message: JsonObject) => void>();
  const send = (message: JsonObject) => process.stdout.write(JSON.stringify(message) + "\n");
  const askCli = (method: string, params: JsonObject) =>
    new Promise<JsonObject>((resolve) => {
      const id = nextOwnId++;
      pendingOwn.set(id, resolve);
      send({ jsonrpc: "2.0", id, method, params });
    });

  // Requests are answered one at a time, in order, as the native engine does.
  let queue: Promise<void> = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    // A line that parses but is no object is answered as the old host did: as a request without a method.
    const message: JsonObject = isObject(parsed) ? parsed : {};
    const id = rpcId(message.id);
    const reply = id !== undefined ? pendingOwn.get(id) : undefined;
    if (reply && !message.method) {
      reply(message);
      pendingOwn.delete(id!);
      return;
    }
    queue = queue.then(async () => {
      try {
        const result = await host.call(String(message.method), message.params);
        // Defect 4: the Wasm `diff` returns its output instead of asking the CLI to print it.
        if (message.method === "diff" && isObject(result) && typeof result.stdout === "string") {
          await askCli("print", { content: result.stdout });
        }
        send({ jsonrpc: "2.0", id: message.id, result: result ?? {} });
      } catch (error) {
        send({ jsonrpc: "2.0", id: message.id, error: rpcError(host, error) });
      }
    });
  });
  lines.on("close", () => {
    void queue.then(async () => {
      await host.dropEngine().catch(() => {});
      process.exit(0);
    });
  });
}
