import path from "node:path";

/** Where the Markdown baseline lives: `CONTENT_DIR` (relative to the project) or `content/`. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(process.cwd(), env.CONTENT_DIR && env.CONTENT_DIR.trim() !== "" ? env.CONTENT_DIR : "content");
}
