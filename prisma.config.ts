import "dotenv/config";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { databaseTarget, migrationsDir, prismaDir, prismaUrl } from "./lib/db/config";
import { chooseSchemaEngine } from "./lib/db/schema-engine";

// The schema follows DATABASE_URL (SQLite by default, PostgreSQL for postgres:// URLs): a provider cannot come from an
// env var inside schema.prisma, so each provider has its own schema file and migrations folder.
const root = path.dirname(fileURLToPath(import.meta.url));
const target = databaseTarget(process.env, root);
chooseSchemaEngine(root);

export default defineConfig({
  schema: path.join(prismaDir(target.kind, root), "schema.prisma"),
  migrations: { path: migrationsDir(target.kind, root) },
  datasource: { url: prismaUrl(target) },
});
