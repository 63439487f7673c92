import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MissingAuthSecretError } from "@/lib/auth/errors";
import { assertAuthConfig, resolveAuthSecret } from "@/lib/auth/secret";
import { scratchDir } from "@/tests/auth/helpers";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await scratchDir());
});
afterEach(() => cleanup());

describe("AUTH_SECRET", () => {
  it("uses the configured secret as is", () => {
    expect(resolveAuthSecret({ NODE_ENV: "production", AUTH_SECRET: "from-the-environment" })).toBe("from-the-environment");
  });

  it("refuses to run in production without one", () => {
    const env = { NODE_ENV: "production", DIGEST_DATA_DIR: dir } as NodeJS.ProcessEnv;
    expect(() => assertAuthConfig(env)).toThrow(MissingAuthSecretError);
    expect(() => assertAuthConfig({ ...env, AUTH_SECRET: "  " })).toThrow(/AUTH_SECRET is not set/);
  });

  it("refuses to start with a TRUSTED_PROXIES entry it cannot read", () => {
    const env = { NODE_ENV: "production", AUTH_SECRET: "s", TRUSTED_PROXIES: "127.0.0.1, proxy.internal" } as NodeJS.ProcessEnv;
    expect(() => assertAuthConfig(env)).toThrow(/TRUSTED_PROXIES: "proxy\.internal"/);
    expect(() => assertAuthConfig({ ...env, TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8" })).not.toThrow();
  });

  it("in development, generates one, keeps it in data/auth-secret and reuses it", async () => {
    const env = { NODE_ENV: "development", DIGEST_DATA_DIR: dir } as NodeJS.ProcessEnv;
    const secret = resolveAuthSecret(env);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(env.AUTH_SECRET).toBe(secret);

    const file = path.join(dir, "auth-secret");
    expect((await readFile(file, "utf8")).trim()).toBe(secret);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const nextStart = { NODE_ENV: "development", DIGEST_DATA_DIR: dir } as NodeJS.ProcessEnv;
    expect(resolveAuthSecret(nextStart)).toBe(secret);
  });
});
