import "server-only";
import { loadPostDirectory } from "@/lib/content/load";
import type { ContentProblem, Post } from "@/lib/content/types";
import { contentDir } from "@/lib/posts/content-dir";

export interface PostSnapshot {
  /** Every post readers may see or editors may list, drafts included, newest first. */
  posts: Post[];
  problems: ContentProblem[];
}

/** Reads the Markdown baseline. The database layer merges over this (see lib/store). */
export async function loadFilePosts(): Promise<PostSnapshot> {
  const { posts, problems } = await loadPostDirectory(contentDir());
  return { posts, problems };
}

/** Renamed slugs live in the database; with files alone there are none. */
export async function resolvePostRedirect(_slug: string): Promise<string | null> {
  return null;
}
