import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "digest-terms-"));
  await writeFile(path.join(dir, "2026-01-01-good.md"), "---\ntitle: 好\ndate: 2026-01-01\ntags: [ai]\n---\n正文\n");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function check(): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [tsx, path.join(root, "scripts", "content-check.ts"), dir], { cwd: root });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "" };
  }
}

it("content:check reports a broken terms.yaml with its line, and passes a good one", async () => {
  await writeFile(path.join(dir, "terms.yaml"), "tags:\n  ai:\n    name: 人工智能\n    colour: red\n");
  const broken = await check();
  expect(broken.code).toBe(1);
  expect(broken.stdout).toContain(`${path.join(dir, "terms.yaml")}:2: tags.ai: unknown key colour (expected name and description)\n`);
  expect(broken.stdout).toMatch(/1 post \(0 drafts\), 1 problem, 0 warnings\n$/);

  await writeFile(path.join(dir, "terms.yaml"), "tags:\n  ai: 人工智能\n");
  const good = await check();
  expect(good.code).toBe(0);
}, 60_000);
