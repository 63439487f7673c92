import yaml from "js-yaml";
import { z } from "zod";
import { termKey } from "@/lib/content/terms";

/**
 * `terms.yaml` beside the posts: display names and descriptions for tags and categories, per deployment. Keys are
 * the names posts use (and URLs keep); they compare like terms do (case- and width-insensitively).
 *
 *   categories:
 *     cloud-native: { name: 云原生, description: 容器、Kubernetes 与 CNCF 生态。 }
 *   tags:
 *     ai: 人工智能            # a plain string is the display name alone
 */
const entrySchema = z.union([
  z.string().trim().min(1, "the display name is empty").max(60, "keep a display name within 60 characters"),
  z.strictObject({
    name: z.string().trim().min(1, "the display name is empty").max(60, "keep a display name within 60 characters"),
    description: z.string().trim().max(300, "keep a description within 300 characters").optional(),
  }),
]);

const fileSchema = z.strictObject({
  tags: z.record(z.string(), entrySchema).optional(),
  categories: z.record(z.string(), entrySchema).optional(),
});

export type TermKindKey = "tags" | "categories";

export interface TermDisplay {
  name: string;
  description: string | null;
}

/** Display names by kind, keyed by `termKey` of the name posts use. */
export type TermDisplayNames = Record<TermKindKey, ReadonlyMap<string, TermDisplay>>;

export const noTermDisplayNames: TermDisplayNames = { tags: new Map(), categories: new Map() };

export class TermsFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    /** What is wrong, without the location. */
    readonly reason: string,
  ) {
    super(`${file}${line === null ? "" : `:${line}`}: ${reason}`);
    this.name = "TermsFileError";
  }
}

function lineOf(source: string, keys: string[]): number | null {
  // The line of the deepest key that can be found, so an error points at the entry it is about.
  let from = 0;
  let line: number | null = null;
  for (const key of keys) {
    const match = new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?\\s*:`, "m").exec(source.slice(from));
    if (!match) break;
    from += match.index + match[0].length;
    line = source.slice(0, from).split("\n").length;
  }
  return line;
}

/** Parses and validates a terms file; throws `TermsFileError` (with a line when it can tell) on bad input. */
export function parseTermsFile(source: string, file = "terms.yaml"): TermDisplayNames {
  let data: unknown;
  try {
    data = yaml.safeLoad(source, { filename: file });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new TermsFileError(file, typeof mark?.line === "number" ? mark.line + 1 : null, `not valid YAML: ${reason}`);
  }
  if (data === undefined || data === null) return noTermDisplayNames;
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.map(String);
    const message =
      issue.code === "unrecognized_keys"
        ? `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}${where.length === 0 ? " (expected tags and categories)" : " (expected name and description)"}`
        : issue.message;
    throw new TermsFileError(file, lineOf(source, where), `${where.length > 0 ? `${where.join(".")}: ` : ""}${message}`);
  }

  const result: Record<TermKindKey, Map<string, TermDisplay>> = { tags: new Map(), categories: new Map() };
  for (const kind of ["tags", "categories"] as const) {
    for (const [name, entry] of Object.entries(parsed.data[kind] ?? {})) {
      const key = termKey(name);
      if (key === "") throw new TermsFileError(file, lineOf(source, [kind]), `${kind}: an empty key`);
      if (result[kind].has(key)) throw new TermsFileError(file, lineOf(source, [kind, name]), `${kind}.${name}: listed twice (keys ignore case and width)`);
      result[kind].set(key, typeof entry === "string" ? { name: entry.trim(), description: null } : { name: entry.name, description: entry.description || null });
    }
  }
  return result;
}

/** The display name of a term: the configured one, else the name posts use. */
export function displayTerm(names: TermDisplayNames, kind: TermKindKey, name: string): TermDisplay {
  return names[kind].get(termKey(name)) ?? { name, description: null };
}
