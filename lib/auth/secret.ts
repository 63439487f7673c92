import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { dataDir as authDataDir } from "@/lib/config";
import { MissingAuthSecretError } from "@/lib/auth/errors";

function readSecretFile(file: string): string | null {
  try {
    const value = readFileSync(file, "utf8").trim();
    return value.length > 0 ? value : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * The key that signs session tokens. Production must be given one. Development makes one up once and keeps it in
 * `data/auth-secret` (git-ignored), so `npm run dev` works with no set-up and sessions survive restarts.
 * The result is also written to `env.AUTH_SECRET`, where Auth.js itself looks.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.AUTH_SECRET?.trim();
  if (given) return given;
  if (env.NODE_ENV === "production") throw new MissingAuthSecretError();

  const file = path.join(authDataDir(env), "auth-secret");
  let secret = readSecretFile(file);
  if (!secret) {
    mkdirSync(path.dirname(file), { recursive: true });
    const generated = randomBytes(33).toString("base64url");
    try {
      // "wx": when two processes start together, the second keeps the first one's secret instead of replacing it.
      writeFileSync(file, `${generated}\n`, { encoding: "utf8", mode: 0o600, flag: "wx" });
      secret = generated;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      secret = readSecretFile(file) ?? generated;
    }
  }
  env.AUTH_SECRET = secret;
  return secret;
}

/**
 * Called once at server start (instrumentation). Throws `MissingAuthSecretError` in production without AUTH_SECRET,
 * so a misconfigured deployment fails loudly at boot rather than with a 500 on the first sign-in.
 */
export function assertAuthConfig(env: NodeJS.ProcessEnv = process.env): void {
  resolveAuthSecret(env);
}
