#!/usr/bin/env node
/**
 * `npm run db:migration -- <name>`: after changing BOTH prisma/sqlite/schema.prisma and prisma/postgresql/schema.prisma,
 * writes one new migration per provider under the SAME folder name, so the two histories stay in step
 * (lib/db/schema-drift.test.ts checks it). `prisma migrate dev` would name them by the minute it ran, per provider.
 *
 * Each provider's migration is what `prisma migrate diff --from-migrations … --to-schema …` prints. PostgreSQL needs a
 * server for its temporary shadow database: DATABASE_URL or DIGEST_POSTGRES_URL must be a postgres:// URL (a role with
 * CREATEDB). Nothing is written unless both providers produced their migration.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");

const name = (process.argv[2] ?? "").trim().toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (e.g. add_post_summary)");
  process.exit(64);
}
const postgresUrl = [process.env.DIGEST_POSTGRES_URL, process.env.DATABASE_URL].find((url) => /^postgres(ql)?:\/\//i.test(url ?? ""));
if (!postgresUrl) {
  console.error("Set DIGEST_POSTGRES_URL (or DATABASE_URL) to a postgres:// URL: the PostgreSQL migration needs a shadow database.");
  process.exit(64);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;

function migrationFor(kind, databaseUrl) {
  const dir = path.join(root, "prisma", kind);
  return execFileSync(
    process.execPath,
    [prismaCli, "migrate", "diff", "--from-migrations", path.join(dir, "migrations"), "--to-schema", path.join(dir, "schema.prisma"), "--script"],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  )
    .split("\n")
    .filter((line) => !line.startsWith("Loaded Prisma config"))
    .join("\n")
    .trim();
}

const scratch = path.join(os.tmpdir(), `digest-migration-${process.pid}.db`);
let scripts;
try {
  scripts = { sqlite: migrationFor("sqlite", `file:${scratch}`), postgresql: migrationFor("postgresql", postgresUrl) };
} finally {
  rmSync(scratch, { force: true });
}
const empty = (sql) => sql === "" || /^-- This is an empty migration\.?$/.test(sql);
if (empty(scripts.sqlite) && empty(scripts.postgresql)) {
  console.log("No schema change: no migration written.");
  process.exit(0);
}
for (const [kind, sql] of Object.entries(scripts)) {
  const dir = path.join(root, "prisma", kind, "migrations", folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  console.log(`Wrote prisma/${kind}/migrations/${folder}/migration.sql`);
}
console.log("Apply with `npm run db:migrate` (or just start the app: pending migrations run on first use).");
