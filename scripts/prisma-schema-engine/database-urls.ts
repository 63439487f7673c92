/** Reading the datasource URLs the CLI passes, as the native engine reads them. */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ClientConfig } from "pg";

const require = createRequire(import.meta.url);

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The path of a `file:` URL; relative paths are relative to the working directory, as the native engine does. */
export function sqlitePath(url: string): string {
  const withoutScheme = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (withoutScheme.startsWith("//")) return fileURLToPath(url.replace(/\?.*$/, ""));
  return path.resolve(process.cwd(), withoutScheme);
}

/** pg's connection fields, plus `options` (the search_path) that Prisma's `?schema=` asks for. */
export type PgFields = ClientConfig & { host?: string; port?: number; database?: string; options?: string };

/** Discrete pg connection fields: a `connectionString` would override `database` (defect 7). */
export function pgFields(url: string): PgFields {
  // Loaded on demand: SQLite runs never need it.
  const { parse } = require("pg-connection-string") as typeof import("pg-connection-string");
  const parsed = parse(url);
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value === null || value === undefined || value === "") continue;
    if (key === "options" || key === "schema") continue;
    fields[key] = key === "port" ? Number(value) : value;
  }
  // Prisma's `?schema=` selects the PostgreSQL schema; unqualified statements in migrations must land there too.
  const schema = pgSchemaOf(url);
  if (schema) fields.options = `-c search_path="${schema.replace(/"/g, '""')}"`;
  return fields as PgFields;
}

export function pgSchemaOf(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get("schema") ?? undefined;
  } catch {
    return undefined;
  }
}
