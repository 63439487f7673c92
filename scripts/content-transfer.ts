/**
 * npm run content:export [dir]   database posts → Markdown files (default: CONTENT_DIR or content/)
 * npm run content:import <dir>   a folder of Jekyll/Hugo Markdown posts → the database
 */
import path from "node:path";
import { disconnectDatabase, getDatabase } from "@/lib/db/client";
import { createDatabaseStore } from "@/lib/store/database";
import { exportPosts, importPosts } from "@/lib/store/transfer";

async function main(): Promise<number> {
  const [command, dirArg] = process.argv.slice(2);
  const db = await getDatabase();
  if (!db) {
    console.error("No database is configured (DIGEST_STORE=files): there is nothing to export to or import into.");
    return 2;
  }
  const store = createDatabaseStore(db);
  if (command === "export") {
    const dir = path.resolve(dirArg ?? process.env.CONTENT_DIR ?? "content");
    const { written } = await exportPosts(store, dir);
    for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file)}`);
    console.log(`${written.length} post(s) exported to ${dir}`);
    return 0;
  }
  if (command === "import") {
    if (!dirArg) {
      console.error("Usage: npm run content:import -- <dir>");
      return 2;
    }
    const result = await importPosts(store, path.resolve(dirArg));
    for (const p of result.problems) console.error(`skipped ${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`);
    for (const w of result.warnings) console.log(`${w.file}${w.line ? `:${w.line}` : ""}: warning: ${w.message}`);
    console.log(`created ${result.created.length}, updated ${result.updated.length}, unchanged ${result.unchanged.length}, skipped ${result.problems.length}`);
    return result.problems.length > 0 ? 1 : 0;
  }
  console.error("Usage: content-transfer.ts export [dir] | import <dir>");
  return 2;
}

main()
  .then(async (code) => {
    await disconnectDatabase();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await disconnectDatabase().catch(() => undefined);
    process.exit(1);
  });
