/**
 * Runs the quick benchmarks (bench/*.bench.ts) in their own process (a clean heap each), one after another. The ones
 * that build and serve whole sites for minutes have their own commands (`npm run bench:scale`, `bench:serve`, …).
 */
const OWN_COMMAND = new Set(["scale.bench.ts", "serve.bench.ts", "lighthouse.bench.ts"]);
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = path.dirname(new URL(import.meta.url).pathname);
let failed = false;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".bench.ts") && !OWN_COMMAND.has(f)).sort()) {
  console.log(`\n▶ ${file}`);
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(dir, file)], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
