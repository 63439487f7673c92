/**
 * Where Digest keeps things, from the environment alone: one module so every layer (the store, auth, scripts) agrees.
 * Runtime configuration, not build input: the `turbopackIgnore` hints keep the bundler from tracing the whole project.
 */
import path from "node:path";

type Env = Record<string, string | undefined>;

/** The Markdown baseline and write-through mirror: `CONTENT_DIR` (relative to the project) or `content/`. */
export function contentDir(env: Env = process.env): string {
  const value = env.CONTENT_DIR?.trim();
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), value ? value : "content");
}

/** Git-ignored state: the SQLite database, the local index of the files, users.json in files mode, the dev secret. */
export function dataDir(env: Env = process.env): string {
  const value = env.DIGEST_DATA_DIR?.trim();
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), value ? value : "data");
}
