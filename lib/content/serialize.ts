import yaml from "js-yaml";
import { excerptFrom } from "./excerpt";
import { FRONT_MATTER_KEYS } from "./front-matter";
import type { Post } from "./types";

/**
 * A post as a Jekyll-style Markdown file: YAML front matter, then the body exactly as stored. `parsePostSource` reads
 * it back to the same post. The description is written only when it differs from the one the body would give, so an
 * edited body does not keep a stale summary.
 */
export function serializePostFile(post: Post): string {
  const data: Record<string, unknown> = { title: post.title, date: new Date(post.date) };
  if (post.author !== null) data.author = post.author;
  if (post.source !== null) data.source = post.source;
  if (post.categories.length > 0) data.categories = post.categories;
  if (post.tags.length > 0) data.tags = post.tags;
  if (post.draft) data.draft = true;
  data.slug = post.slug;
  if (post.description !== excerptFrom(post.body, post.title)) data.description = post.description;
  if (post.updatedAt !== null) data.updated = new Date(post.updatedAt);
  for (const [key, value] of Object.entries(post.extra)) {
    // A key Digest interprets would shadow, or be shadowed by, the field above.
    if (!FRONT_MATTER_KEYS.has(key.toLowerCase())) data[key] = value;
  }

  const frontMatter = yaml.safeDump(data, { lineWidth: -1, noRefs: true, skipInvalid: true });
  const head = `---\n${frontMatter}---\n`;
  return head.replace(/^date: (\d{4}-\d{2}-\d{2})T00:00:00\.000Z$/m, "date: $1") + post.body;
}
