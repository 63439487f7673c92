import "dotenv/config";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { databaseTarget, migrationsDir, prismaDir, prismaUrl } from "./lib/db/config";
import { postgresSchema } from "./lib/db/migrate";
import { chooseSchemaEngine } from "./lib/db/schema-engine";

// The schema follows DATABASE_URL (SQLite by default, PostgreSQL for postgres:// URLs): a provider cannot come from an
// env var inside schema.prisma, so each provider has its own schema file and migrations folder.
const root = path.dirname(fileURLToPath(import.meta.url));
const target = databaseTarget(process.env, root);
chooseSchemaEngine(root);

/**
 * The search index is raw SQL that Prisma does not model (an FTS5 virtual table and its shadow tables in SQLite, a
 * tsvector table in PostgreSQL: see the scale_queries migration). Declared external, Migrate leaves them alone instead
 * of planning to drop them.
 */
const SEARCH_TABLES =
  target.kind === "sqlite"
    ? ["PostSearchFts", "PostSearchFts_config", "PostSearchFts_data", "PostSearchFts_docsize", "PostSearchFts_idx", "PostSearchTerms"]
    : // PostgreSQL wants them qualified by schema.
      [`${postgresSchema(target.url) ?? "public"}.PostSearchVector`];

export default defineConfig({
  schema: path.join(prismaDir(target.kind, root), "schema.prisma"),
  migrations: { path: migrationsDir(target.kind, root) },
  datasource: { url: prismaUrl(target) },
  experimental: { externalTables: true },
  tables: { external: SEARCH_TABLES },
});
