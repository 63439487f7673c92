import { excerptFrom } from "@/lib/content/excerpt";
import { readingMinutes } from "@/lib/content/reading-time";
import type { Post, PostInput, PostOrigin } from "@/lib/content/types";

/** The editable fields of a post; a description equal to the derived one is reported as "derived" (null). */
export function inputFromPost(post: Post): PostInput {
  const { readingMinutes: _readingMinutes, origin: _origin, updatedAt: _updatedAt, ...fields } = post;
  return {
    ...fields,
    description: post.description === excerptFrom(post.body, post.title) ? null : post.description,
    tags: [...post.tags],
    categories: [...post.categories],
    extra: { ...post.extra },
  };
}

export function postFromInput(input: PostInput, origin: PostOrigin, updatedAt: string | null): Post {
  return {
    ...input,
    description: input.description ?? excerptFrom(input.body, input.title),
    tags: [...input.tags],
    categories: [...input.categories],
    readingMinutes: readingMinutes(input.body),
    extra: { ...input.extra },
    origin,
    updatedAt,
  };
}
