import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the real-post corpus for tests, benchmarks and the `corpus` e2e site is. The full corpus (231 posts) lives
 * outside the repository, in `../shared/corpus` beside the checkout (or `DIGEST_CORPUS_DIR`); a plain clone does not
 * have it, so a 45-post sample with the same quirks ships in tests/corpus-sample (licences and attribution in its
 * NOTICE). Everything resolves from this file's place in the checkout, never from an absolute path or the cwd.
 */
export const corpusFolders = ["k8s-zh-blog", "servicemesher-weekly"] as const;
export type CorpusFolder = (typeof corpusFolders)[number];

export interface CorpusLocation {
  kind: "full" | "sample";
  root: string;
  /** One directory per corpus folder, in `corpusFolders` order. */
  dirs: Record<CorpusFolder, string>;
  /** A one-line explanation when the full corpus was not found. */
  notice: string | null;
}

export const checkoutRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sampleCorpusRoot = path.join(checkoutRoot, "tests", "corpus-sample");

function dirsOf(root: string): Record<CorpusFolder, string> {
  return Object.fromEntries(corpusFolders.map((folder) => [folder, path.join(root, folder)])) as Record<CorpusFolder, string>;
}

function complete(root: string): boolean {
  return corpusFolders.every((folder) => existsSync(path.join(root, folder)));
}

/** The full corpus when it is there, else the sample in the repository. */
export function corpusLocation(env: NodeJS.ProcessEnv = process.env): CorpusLocation {
  const configured = env.DIGEST_CORPUS_DIR?.trim();
  const full = configured ? path.resolve(checkoutRoot, configured) : path.resolve(checkoutRoot, "..", "shared", "corpus");
  if (complete(full)) return { kind: "full", root: full, dirs: dirsOf(full), notice: null };
  const shown = configured ?? "../shared/corpus";
  return {
    kind: "sample",
    root: sampleCorpusRoot,
    dirs: dirsOf(sampleCorpusRoot),
    notice: `[corpus] ${shown} not found: using the sample in tests/corpus-sample (set DIGEST_CORPUS_DIR to the full corpus)`,
  };
}

let told = false;

/** `corpusLocation()`, printing its notice once per process. */
export function resolveCorpus(env: NodeJS.ProcessEnv = process.env): CorpusLocation {
  const location = corpusLocation(env);
  if (location.notice && !told) {
    told = true;
    console.info(location.notice);
  }
  return location;
}
