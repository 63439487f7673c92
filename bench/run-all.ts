/** Runs every bench/*.bench.ts in its own process (a clean heap each), one after another. */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = path.dirname(new URL(import.meta.url).pathname);
let failed = false;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).sort()) {
  console.log(`\n▶ ${file}`);
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(dir, file)], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
