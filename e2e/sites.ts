/**
 * Each end-to-end site is one configuration of Digest, built into its own folder and served on its own port, so
 * suites that write (editor) never disturb suites that read (reader) and hostile fixtures stay out of the real content.
 */
export interface E2ESite {
  name: string;
  distDir: string;
  env: Record<string, string>;
  /** Files copied into place before the build, so a writing suite never touches the repository's own files. */
  copyContent?: { from: string; to: string };
}

const tmp = ".tmp/e2e";

export const e2eSites: E2ESite[] = [
  {
    name: "reader",
    distDir: ".next-e2e/reader",
    env: { CONTENT_DIR: "content", DATABASE_URL: `file:${tmp}/reader.db` },
  },
  {
    name: "fixtures",
    distDir: ".next-e2e/fixtures",
    env: { CONTENT_DIR: "e2e/fixtures/content", DIGEST_STORE: "files" },
  },
];

export function siteUrlVar(name: string): string {
  return `E2E_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_URL`;
}
