/**
 * Prisma 7's CLI downloads its native schema engine on first use. Where that download cannot happen (a machine that
 * reaches only the npm registry) we point PRISMA_SCHEMA_ENGINE_BINARY at scripts/prisma-schema-engine.mjs, the
 * launcher of the TypeScript host in scripts/prisma-schema-engine/, which hosts the published WebAssembly engine.
 * Machines that have the native engine keep it, and an explicit env value wins.
 */
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const OFFLINE_ENGINE_HOST = "scripts/prisma-schema-engine.mjs";

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** True when Prisma's own schema-engine binary was installed (by @prisma/engines) or downloaded into its cache. */
export function hasNativeSchemaEngine(root: string = process.cwd(), env: Record<string, string | undefined> = process.env): boolean {
  const enginesDir = path.join(root, "node_modules", "@prisma", "engines");
  if (listDir(enginesDir).some((name) => name.startsWith("schema-engine"))) return true;
  const cacheRoot = path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "prisma", "master");
  for (const hash of listDir(cacheRoot)) {
    for (const target of listDir(path.join(cacheRoot, hash))) {
      if (listDir(path.join(cacheRoot, hash, target)).some((name) => name.startsWith("schema-engine"))) return true;
    }
  }
  return false;
}

/** Sets PRISMA_SCHEMA_ENGINE_BINARY to the offline host when nothing better exists; returns what the CLI will use. */
export function chooseSchemaEngine(root: string = process.cwd(), env: Record<string, string | undefined> = process.env): string | null {
  if (env.PRISMA_SCHEMA_ENGINE_BINARY) return env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (hasNativeSchemaEngine(root, env)) return null;
  const host = path.join(root, OFFLINE_ENGINE_HOST);
  if (!existsSync(host)) return null;
  env.PRISMA_SCHEMA_ENGINE_BINARY = host;
  return host;
}
