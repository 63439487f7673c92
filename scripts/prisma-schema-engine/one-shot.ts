/** One-shot commands: `cli can-connect-to-database | create-database | drop-database`, answered without the Wasm engine. */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type * as Pg from "pg";
import type { EngineArguments } from "./arguments";
import { isPostgresUrl, pgFields, sqlitePath } from "./database-urls";
import { isObject } from "./json";

const require = createRequire(import.meta.url);

/** The CLI reads stderr lines after the first as JSON log records and looks for an ERROR with an error code. */
function failOneShot(errorCode: string, message: string): never {
  process.stderr.write(
    "schema-engine-wasm host\n" +
      JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { error_code: errorCode, message } }),
  );
  process.exit(1);
}

function messageOf(error: unknown): string {
  return String(isObject(error) || error instanceof Error ? (error as { message?: unknown }).message : undefined);
}

export async function runOneShot(args: EngineArguments): Promise<void> {
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
      const Database = require("better-sqlite3") as typeof import("better-sqlite3");
      mkdirSync(path.dirname(file), { recursive: true });
      new Database(file).close();
    }
    return;
  }

  const pg = require("pg") as typeof Pg;
  const fields = pgFields(url);
  const tryConnect = async (database: string | undefined) => {
    const client = new pg.Client({ ...fields, database, connectionTimeoutMillis: 10_000 });
    await client.connect();
    return client;
  };
  if (args.cliCommand === "can-connect-to-database") {
    try {
      void (await tryConnect(fields.database)).end();
    } catch (error) {
      if (isObject(error) && error.code === "3D000") failOneShot("P1003", `Database \`${fields.database}\` does not exist`);
      failOneShot("P1001", `Can't reach database server at \`${fields.host}:${fields.port ?? 5432}\`: ${messageOf(error)}`);
    }
    return;
  }
  const admin = await tryConnect("postgres").catch((error: unknown) =>
    failOneShot("P1001", `Can't reach database server at \`${fields.host}:${fields.port ?? 5432}\`: ${messageOf(error)}`),
  );
  try {
    if (args.cliCommand === "create-database") await admin.query(`CREATE DATABASE "${fields.database}"`);
    else if (args.cliCommand === "drop-database") await admin.query(`DROP DATABASE IF EXISTS "${fields.database}"`);
  } catch (error) {
    failOneShot("P1000", messageOf(error));
  } finally {
    await admin.end();
  }
}
