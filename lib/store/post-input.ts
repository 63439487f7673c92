import { excerptFrom } from "@/lib/content/excerpt";
import { readingMinutes } from "@/lib/content/reading-time";
import type { Post, PostOrigin } from "@/lib/content/types";
import type { PostInput } from "@/lib/store/types";

/** The editable fields of a post; a description equal to the derived one is reported as "derived" (null). */
export function inputFromPost(post: Post): PostInput {
  return {
    slug: post.slug,
    title: post.title,
    date: post.date,
    author: post.author,
    source: post.source,
    description: post.description === excerptFrom(post.body, post.title) ? null : post.description,
    tags: [...post.tags],
    categories: [...post.categories],
    draft: post.draft,
    format: post.format,
    body: post.body,
    extra: { ...post.extra },
  };
}

export function postFromInput(input: PostInput, origin: PostOrigin, updatedAt: string | null): Post {
  return {
    slug: input.slug,
    title: input.title,
    date: input.date,
    author: input.author,
    source: input.source,
    description: input.description ?? excerptFrom(input.body, input.title),
    tags: [...input.tags],
    categories: [...input.categories],
    draft: input.draft,
    format: input.format,
    body: input.body,
    readingMinutes: readingMinutes(input.body),
    extra: { ...input.extra },
    origin,
    updatedAt,
  };
}
