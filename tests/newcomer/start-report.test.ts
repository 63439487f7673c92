import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { developmentStartReport } from "@/lib/dev/start-report";

describe("the development start report", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "digest-start-"));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const values: Record<string, string> = { NODE_ENV: "development", DIGEST_DATA_DIR: dir, DATABASE_URL: `file:${dir}/digest.db`, PORT: "3123", ...extra };
    // getUserStore and the database client read process.env.
    for (const [key, value] of Object.entries({ AUTH_SECRET: "", DIGEST_STORE: "", SITE_URL: "", ...values })) vi.stubEnv(key, value);
    return process.env;
  }

  it("says it created the secret, the database and the demo editor, then only how to sign in", async () => {
    const first = await developmentStartReport(env());
    expect(first).toEqual([
      expect.stringMatching(/^generated a development AUTH_SECRET in .*auth-secret$/),
      expect.stringMatching(/^created the SQLite database .*digest\.db \(migrations applied\)$/),
      "created the demo editor; sign in at http://localhost:3123/admin as editor@digest.local / digest-editor",
    ]);

    const second = await developmentStartReport(env());
    expect(second).toEqual([
      expect.stringMatching(/^session secret: /),
      expect.stringMatching(/^SQLite database: /),
      "sign in at http://localhost:3123/admin as editor@digest.local / digest-editor",
    ]);
  }, 60_000);

  it("works in files mode and says nothing outside development", async () => {
    const lines = await developmentStartReport(env({ DIGEST_STORE: "files" }));
    expect(lines[1]).toBe("no database (DIGEST_STORE=files): posts and users are files");
    expect(lines[2]).toContain("sign in at http://localhost:3123/admin as editor@digest.local");
    expect(await developmentStartReport({ ...process.env, NODE_ENV: "production" })).toEqual([]);
  }, 60_000);
});
