#!/usr/bin/env node
/**
 * A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it (only the npm registry is
 * reachable). prisma.config.ts names this file in PRISMA_SCHEMA_ENGINE_BINARY only when no native engine is installed,
 * so machines with internet keep Prisma's own binary.
 *
 * It hosts the published WebAssembly schema engine (@prisma/schema-engine-wasm) on a Prisma driver adapter and speaks
 * the native binary's protocol to the CLI: JSON-RPC 2.0 over stdin/stdout, one object per line, started with
 * `--datamodels <path>` (repeatable) and `--datasource <json>`; one-shot `cli <command>` calls; `--version`.
 *
 * This file stays plain JavaScript because the CLI executes this path directly (no tsx in between). The host itself is
 * TypeScript in ./prisma-schema-engine/: arguments.ts (the command line), adapter-shims.ts (the driver-adapter
 * workarounds, each naming its defect), rpc-host.ts (the Wasm engine behind JSON-RPC), one-shot.ts (`cli <command>`),
 * main.ts.
 *
 * Why not tsx's loader: the CLI spawns this once per command, and registering tsx (a loader thread that loads tsx and
 * esbuild again) added ~200 ms to every start, ~30% of a `prisma migrate status`. Instead the sources are bundled once
 * with esbuild (tsx's own copy) into node_modules/.cache, under a hash of their text, and later starts import that
 * file: a changed source gets a new hash, so the bundle is never stale.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = path.join(here, "prisma-schema-engine");
const hash = createHash("sha256");
for (const name of readdirSync(sources).filter((file) => file.endsWith(".ts")).sort()) {
  hash.update(`${name}\0`).update(readFileSync(path.join(sources, name)));
}
const cache = path.join(here, "..", "node_modules", ".cache", "prisma-schema-engine");
const bundle = path.join(cache, `main-${hash.digest("hex").slice(0, 16)}.mjs`);
if (!existsSync(bundle)) {
  // esbuild comes with tsx (a devDependency); resolved from tsx so it is found however npm laid out node_modules.
  const require = createRequire(import.meta.url);
  const esbuild = createRequire(require.resolve("tsx/package.json"))("esbuild");
  mkdirSync(cache, { recursive: true });
  // Written beside, then renamed: hosts started at the same moment never import a half-written bundle.
  const partial = `${bundle}.${process.pid}.tmp.mjs`;
  esbuild.buildSync({
    entryPoints: [path.join(sources, "main.ts")],
    outfile: partial,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  renameSync(partial, bundle);
}
const { main } = await import(pathToFileURL(bundle).href);
await main(process.argv.slice(2));
