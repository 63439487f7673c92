import { emptyPostFields } from "@/lib/content/fields";
import type { Post } from "@/lib/content/types";

/** A complete published post for tests, with only the fields a test cares about given. */
export function makePost(fields: Partial<Post> & Pick<Post, "slug">): Post {
  return {
    ...emptyPostFields(),
    title: fields.slug,
    date: "2026-01-01T00:00:00.000Z",
    description: "",
    format: "md",
    body: "",
    readingMinutes: 1,
    extra: {},
    origin: { kind: "file", path: `content/${fields.slug}.md` },
    updatedAt: null,
    ...fields,
  };
}
