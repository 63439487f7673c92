import "server-only";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { contentDir } from "@/lib/config";
import { processSlot } from "@/lib/singleton";
import { displayTerm, noTermDisplayNames, parseTermsFile, type TermDisplay, type TermDisplayNames, type TermKindKey } from "./schema";

export type { TermDisplay, TermKindKey } from "./schema";

/** `terms.yaml` in the content folder, so each deployment names its own terms. */
export function termsFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(contentDir(env), "terms.yaml");
}

interface Cached {
  file: string;
  mtimeMs: number;
  names: TermDisplayNames;
  checkedAt: number;
}

const termNames = processSlot<Cached>("term-names");

/**
 * The configured display names, read once and again only when the file changes (checked at most once a second). A
 * missing file means no display names; a broken one is reported once in the log and ignored, so a typo in it never
 * takes the site down (`npm run content:check` reports it too).
 */
export function termDisplayNames(): TermDisplayNames {
  const file = termsFile();
  const now = Date.now();
  const cached = termNames.value;
  if (cached && cached.file === file && now - cached.checkedAt < 1000) return cached.names;
  let mtimeMs = -1;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    // No terms file: every term shows the name posts use.
  }
  if (cached && cached.file === file && cached.mtimeMs === mtimeMs) {
    cached.checkedAt = now;
    return cached.names;
  }
  let names = noTermDisplayNames;
  if (mtimeMs >= 0) {
    try {
      names = parseTermsFile(readFileSync(file, "utf8"), path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file));
    } catch (error) {
      console.error(`[terms] ${error instanceof Error ? error.message : String(error)}; showing terms as posts spell them`);
    }
  }
  termNames.value = { file, mtimeMs, names, checkedAt: now };
  return names;
}

/** How a tag or category is shown: its configured display name and description, else its own name. */
export function termDisplay(kind: TermKindKey, name: string): TermDisplay {
  return displayTerm(termDisplayNames(), kind, name);
}

export function tagName(name: string): string {
  return termDisplay("tags", name).name;
}

export function categoryName(name: string): string {
  return termDisplay("categories", name).name;
}
