import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

async function check(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout } = await run(process.execPath, [tsx, path.join(root, "scripts", "content-check.ts"), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "" };
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "digest-check-"));
  await writeFile(path.join(dir, "2026-01-01-good.md"), "---\ntitle: 好\ndate: 2026-01-01\n---\n正文\n");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("content-check", () => {
  it("exits 1 and prints file:line: message for a broken file", async () => {
    await writeFile(path.join(dir, "2026-01-02-broken.md"), "---\ntitle: 坏\ndate: 2026-01-02\n  oops: x\n---\n");
    await writeFile(path.join(dir, "2026-01-03-undated-ok.md"), "---\ndate:\ntitle: ok\n---\n");
    const { code, stdout } = await check([dir]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${path.join(dir, "2026-01-02-broken.md")}:4: front matter: bad indentation of a mapping entry\n`);
    expect(stdout).toContain(`${path.join(dir, "2026-01-03-undated-ok.md")}: warning: date is missing`);
    expect(stdout).toMatch(/2 posts \(0 drafts\), 1 problem, 1 warning\n$/);
    expect(stdout).not.toContain("[content]");
  });

  it("exits 0 for a clean folder given by CONTENT_DIR", async () => {
    const { code, stdout } = await check([], { CONTENT_DIR: dir });
    expect(code).toBe(0);
    expect(stdout).toBe(`content:check ${dir}: 1 post (0 drafts), 0 problems, 0 warnings\n`);
  });
});
