import path from "node:path";

/** Where the Markdown baseline lives: `CONTENT_DIR` (relative to the project) or `content/`. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  // Runtime configuration, not a build input: keep the bundler from tracing the whole project through it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.CONTENT_DIR && env.CONTENT_DIR.trim() !== "" ? env.CONTENT_DIR : "content");
}
