/**
 * The offline schema-engine host (started by ../prisma-schema-engine.mjs): `--version`, a one-shot `cli <command>`, or
 * the JSON-RPC host around the Wasm engine.
 */
import { engineVersion, parseArguments } from "./arguments";
import { isObject } from "./json";
import { runOneShot } from "./one-shot";
import { Host, loadWasmEngine, logLine, serveRpc } from "./rpc-host";

export async function main(argv: readonly string[]): Promise<void> {
  const args = parseArguments(argv);
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${engineVersion()}\n`);
    process.exit(0);
  }
  process.on("unhandledRejection", (error: unknown) => {
    const stack = isObject(error) || error instanceof Error ? (error as { stack?: unknown }).stack : undefined;
    logLine("ERROR", String(stack ?? error));
  });
  if (args.cliCommand) {
    await runOneShot(args);
    process.exit(0);
  }
  const bindings = await loadWasmEngine();
  serveRpc(new Host(bindings, args));
}
