/**
 * The native schema-engine binary's command line, as Prisma's CLI passes it: `--datamodels <path>` (repeatable),
 * `--datasource <json>`, one-shot `cli <command>`, `--version`. Flags the host has no use for are skipped with their value.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { isObject, stringField } from "./json";

/** What the CLI sends in `--datasource`: the URLs prisma.config.ts resolved. */
export interface Datasource {
  url?: string;
  shadowDatabaseUrl?: string;
}

export interface EngineArguments {
  datamodels: string[];
  datasource: Datasource | null;
  /** `can-connect-to-database`, `create-database` or `drop-database`. */
  cliCommand: string | null;
  version: boolean;
}

function parseDatasource(json: string): Datasource | null {
  const value: unknown = JSON.parse(json);
  if (!isObject(value)) return null;
  return { url: stringField(value, "url"), shadowDatabaseUrl: stringField(value, "shadowDatabaseUrl") };
}

export function parseArguments(argv: readonly string[]): EngineArguments {
  const result: EngineArguments = { datamodels: [], datasource: null, cliCommand: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") result.version = true;
    else if (arg === "--datamodels" || arg === "-d") result.datamodels.push(argv[++i]);
    else if (arg === "--datasource") result.datasource = parseDatasource(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") result.cliCommand = argv[++i] ?? null;
  }
  return result;
}

/** The Wasm engine's own commit hash (not the native engine's), so `prisma version` says what really runs. */
export function engineVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    const entry = require.resolve("@prisma/schema-engine-wasm");
    const version = stringField(JSON.parse(readFileSync(path.join(path.dirname(entry), "package.json"), "utf8")), "version");
    if (version === undefined) throw new Error("no version");
    return `${version.split(".").pop()} (@prisma/schema-engine-wasm ${version}, offline host)`;
  } catch {
    return "unknown (@prisma/schema-engine-wasm, offline host)";
  }
}
