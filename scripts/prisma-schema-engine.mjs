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
 * This file stays plain JavaScript because the CLI executes this path directly (no tsx in between): it only registers
 * tsx's loader and hands over to the TypeScript in ./prisma-schema-engine/ — arguments.ts (the command line),
 * adapter-shims.ts (the driver-adapter workarounds, each naming its defect), rpc-host.ts (the Wasm engine behind
 * JSON-RPC), one-shot.ts (`cli <command>`), main.ts.
 */
import { register } from "tsx/esm/api";

register();
const { main } = await import("./prisma-schema-engine/main.ts");
await main(process.argv.slice(2));
