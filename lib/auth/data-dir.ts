import path from "node:path";

/**
 * Where sign-in state that must not be committed lives (`users.json`, the generated development secret).
 * `DIGEST_DATA_DIR` lets tests and the CLI point at a scratch folder; the default `data/` is git-ignored.
 */
export function authDataDir(env: NodeJS.ProcessEnv = process.env): string {
  // Runtime configuration: keep the bundler from tracing the whole project through this path.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DIGEST_DATA_DIR ?? "data");
}
