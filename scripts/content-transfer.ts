/**
 * npm run content:export [dir]   database posts → Markdown files (default: CONTENT_DIR, i.e. the write-through mirror)
 * npm run content:import <dir>   a folder of Jekyll/Hugo Markdown posts → the database (and their files in CONTENT_DIR)
 * npm run content:sync           Markdown files changed while the database was away → the database, by version
 */
import path from "node:path";
import { contentDir } from "@/lib/config";
import { databaseConfig, disconnectDatabase, getDatabase } from "@/lib/db/client";
import { syncNow } from "@/lib/store/active";
import { searchDialect } from "@/lib/store/sql/search-dialect";
import { exportPosts, importPosts, type Progress } from "@/lib/store/transfer";

/** One line that rewrites itself on a terminal; nothing in between on a pipe. */
function progressLine(label: string): Progress {
  if (!process.stderr.isTTY) return () => undefined;
  return (done, total) => {
    process.stderr.write(`\r${label} ${done}/${total}`);
    if (done >= total) process.stderr.write("\n");
  };
}

async function main(): Promise<number> {
  const [command, dirArg] = process.argv.slice(2);
  const config = databaseConfig();
  if (config.kind === "none") {
    console.error("No database is configured (DIGEST_STORE=files): there is nothing to export from or import into.");
    return 2;
  }
  if (command === "sync") {
    const report = await syncNow();
    if (!report) return 2;
    console.log(`new ${report.created.length}, updated ${report.synced.length}, conflicts ${report.conflicts.length}, rewritten ${report.refreshed.length}, unchanged ${report.unchanged}`);
    for (const slug of report.conflicts) console.log(`conflict: ${slug} (saved during an outage and changed in the database too: see its history in /admin)`);
    return report.failed.length > 0 ? 1 : 0;
  }
  const db = await getDatabase();
  if (!db) return 2;
  const dialect = searchDialect(config.kind);
  if (command === "export") {
    const dir = path.resolve(dirArg ?? contentDir());
    const { written } = await exportPosts(db, dir, { contentDir: contentDir(), progress: progressLine("[export]") });
    console.log(`${written} post(s) exported to ${dir}`);
    return 0;
  }
  if (command === "import") {
    if (!dirArg) {
      console.error("Usage: npm run content:import -- <dir>");
      return 2;
    }
    const started = Date.now();
    const result = await importPosts({ db, dialect, contentDir: contentDir() }, path.resolve(dirArg), { progress: progressLine("[import]") });
    for (const w of result.warnings) console.log(`${w.file}${w.line ? `:${w.line}` : ""}: warning: ${w.message}`);
    for (const p of result.problems) console.error(`skipped ${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`);
    console.log(
      `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, skipped ${result.problems.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return result.problems.length > 0 ? 1 : 0;
  }
  console.error("Usage: content-transfer.ts export [dir] | import <dir> | sync");
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
