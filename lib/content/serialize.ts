import yaml from "js-yaml";
import { excerptFrom } from "./excerpt";
import { META_KEYS, POST_FIELD_NAMES, postFields, type PostField, type PostInput } from "./fields";
import type { Post } from "./types";

export interface FileMetaOut {
  /** The database version this file mirrors (write-through); omitted for files that mirror nothing. */
  version?: number | null;
}

/**
 * A post as a Jekyll-style Markdown file: YAML front matter in the field list's order, then the body exactly as
 * stored. `parsePostSource` reads it back to the same post. The description is written only when it is explicit,
 * so an edited body does not keep a stale summary.
 */
export function serializePostFile(post: Post | (PostInput & { updatedAt?: string | null }), meta: FileMetaOut = {}): string {
  const explicitDescription = isPost(post) ? (post.description === excerptFrom(post.body, post.title) ? null : post.description) : post.description;
  const input: PostInput = { ...post, description: explicitDescription };
  const data: Record<string, unknown> = {};
  /** Lowercased keys of the fields that wrote a value: an `extra` key spelling one of them would shadow it. */
  const taken = new Set<string>();
  for (const name of POST_FIELD_NAMES) {
    const spec = postFields[name] as PostField<unknown>;
    if (!spec.keys || !spec.write) continue;
    const value = spec.write(input[name]);
    if (value === undefined) continue;
    data[spec.keys[0]] = value;
    for (const key of spec.keys) taken.add(key.toLowerCase());
  }
  for (const key of [...META_KEYS.updated, ...META_KEYS.version, ...META_KEYS.ignored]) taken.add(key.toLowerCase());
  if (post.updatedAt) data[META_KEYS.updated[0]] = new Date(post.updatedAt);
  if (meta.version) data[META_KEYS.version[0]] = meta.version;
  for (const [key, value] of Object.entries(input.extra)) {
    // A key of a field that has a value (or of the file's own bookkeeping) would shadow, or be shadowed by, it; a
    // field's key in a shape Digest does not read (a theme's `cover: {image, alt}`) is kept as it was.
    if (!taken.has(key.toLowerCase())) data[key] = value;
  }
  const frontMatter = yaml.safeDump(data, { lineWidth: -1, noRefs: true, skipInvalid: true });
  const head = `---\n${frontMatter}---\n`.replace(/^date: (\d{4}-\d{2}-\d{2})T00:00:00\.000Z$/m, "date: $1");
  return head + input.body;
}

function isPost(value: Post | PostInput): value is Post {
  return "readingMinutes" in value;
}
