import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chooseSchemaEngine, hasNativeSchemaEngine, OFFLINE_ENGINE_HOST } from "./schema-engine";

describe("chooseSchemaEngine", () => {
  let root: string;
  let cache: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "digest-engine-"));
    cache = path.join(root, "cache");
    mkdirSync(path.join(root, "scripts"));
    writeFileSync(path.join(root, OFFLINE_ENGINE_HOST), "#!/usr/bin/env node\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("points the CLI at the offline host when no native engine exists", () => {
    const env: Record<string, string | undefined> = { XDG_CACHE_HOME: cache };
    expect(hasNativeSchemaEngine(root, env)).toBe(false);
    expect(chooseSchemaEngine(root, env)).toBe(path.join(root, OFFLINE_ENGINE_HOST));
    expect(env.PRISMA_SCHEMA_ENGINE_BINARY).toBe(path.join(root, OFFLINE_ENGINE_HOST));
  });

  it("keeps Prisma's native engine when it was downloaded into the cache", () => {
    const dir = path.join(cache, "prisma", "master", "abc123", "debian-openssl-3.0.x");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "schema-engine"), "");
    const env: Record<string, string | undefined> = { XDG_CACHE_HOME: cache };
    expect(chooseSchemaEngine(root, env)).toBeNull();
    expect(env.PRISMA_SCHEMA_ENGINE_BINARY).toBeUndefined();
  });

  it("keeps the native engine installed by @prisma/engines, and an explicit setting always wins", () => {
    mkdirSync(path.join(root, "node_modules", "@prisma", "engines"), { recursive: true });
    writeFileSync(path.join(root, "node_modules", "@prisma", "engines", "schema-engine-debian-openssl-3.0.x"), "");
    expect(chooseSchemaEngine(root, { XDG_CACHE_HOME: cache })).toBeNull();
    expect(chooseSchemaEngine(root, { XDG_CACHE_HOME: cache, PRISMA_SCHEMA_ENGINE_BINARY: "/opt/engine" })).toBe("/opt/engine");
  });
});
