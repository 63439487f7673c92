import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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

describe("the offline engine host's launcher", () => {
  const repo = path.resolve(__dirname, "../..");
  let root: string;

  beforeEach(() => {
    // A copy of the launcher and its TypeScript beside a node_modules of links, so the bundle cache is the copy's own.
    root = mkdtempSync(path.join(os.tmpdir(), "digest-engine-launcher-"));
    cpSync(path.join(repo, "scripts", "prisma-schema-engine"), path.join(root, "scripts", "prisma-schema-engine"), { recursive: true });
    cpSync(path.join(repo, OFFLINE_ENGINE_HOST), path.join(root, OFFLINE_ENGINE_HOST));
    mkdirSync(path.join(root, "node_modules"));
    for (const name of ["tsx", "@prisma"]) symlinkSync(path.join(repo, "node_modules", name), path.join(root, "node_modules", name));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const version = () => execFileSync(process.execPath, [path.join(root, OFFLINE_ENGINE_HOST), "--version"], { encoding: "utf8" });

  it("runs the TypeScript host, and rebuilds it when a source changes instead of running a stale bundle", () => {
    expect(version()).toMatch(/^schema-engine-cli \w+ \(@prisma\/schema-engine-wasm [^ ]+, offline host\)\n$/);
    const bundles = path.join(root, "node_modules", ".cache", "prisma-schema-engine");
    expect(readdirSync(bundles)).toHaveLength(1);

    const source = path.join(root, "scripts", "prisma-schema-engine", "arguments.ts");
    writeFileSync(source, readFileSync(source, "utf8").replace("offline host)", "changed host)"));
    expect(version()).toContain("changed host)");
    expect(readdirSync(bundles)).toHaveLength(2);
  });
});
