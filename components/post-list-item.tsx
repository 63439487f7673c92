import Link from "next/link";
import type { Post } from "@/lib/content/types";
import { postPath } from "@/lib/site";
import { PostCover } from "@/components/post-cover";
import { PostMeta, type PostMetaData } from "@/components/post-meta";
import { TagLinks } from "@/components/term-links";

/** What a list entry shows: fields every post list has (no body), the cover resolved (lib/reader/cover.ts `withCover`). */
export type PostEntryData = PostMetaData & Pick<Post, "slug" | "title" | "description" | "tags"> & { cover: string | null };

/**
 * One entry of a post list. Its links do not prefetch: a list shows dozens of post and term links, and prefetching
 * each one as it scrolls into view costs a reader's phone more than the cached page costs on click.
 */
export function PostListItem({ post, headingLevel = 2 }: { post: PostEntryData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="flex gap-5 py-6" data-testid="post-entry">
      <div className="min-w-0 flex-1 space-y-2">
        <Heading className="text-xl font-semibold leading-snug text-slate-900 dark:text-white">
          <Link prefetch={false} href={postPath(post.slug)} className="hover:text-sky-700 dark:hover:text-sky-400">
            {post.title}
          </Link>
        </Heading>
        <PostMeta post={post} />
        {post.description ? <p className="line-clamp-3 leading-relaxed text-slate-700 dark:text-slate-300">{post.description}</p> : null}
        <TagLinks tags={post.tags} />
      </div>
      {post.cover ? (
        <Link prefetch={false} href={postPath(post.slug)} tabIndex={-1} aria-hidden="true" className="hidden w-40 shrink-0 self-start sm:block">
          <PostCover src={post.cover} />
        </Link>
      ) : null}
    </article>
  );
}

export function PostListItems({ posts, headingLevel }: { posts: PostEntryData[]; headingLevel?: 2 | 3 }) {
  return (
    <div className="divide-y divide-slate-200 dark:divide-slate-800">
      {posts.map((post) => (
        <PostListItem key={post.slug} post={post} headingLevel={headingLevel} />
      ))}
    </div>
  );
}

/** The newest issue at the top of the home page: larger, with its cover when it has one. */
export function FeaturedPost({ post }: { post: PostEntryData }) {
  return (
    <article
      className="mb-8 overflow-hidden rounded-xl border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900"
      data-testid="post-entry"
      data-featured="true"
    >
      {post.cover ? (
        <Link href={postPath(post.slug)} tabIndex={-1} aria-hidden="true" className="block">
          <PostCover src={post.cover} eager className="rounded-none" />
        </Link>
      ) : null}
      <div className="space-y-3 p-5 sm:p-6">
        <p className="text-xs font-semibold tracking-wide text-sky-800 dark:text-sky-300">最新一期</p>
        <h2 className="text-2xl font-bold leading-snug text-slate-900 dark:text-white">
          <Link href={postPath(post.slug)} className="hover:text-sky-700 dark:hover:text-sky-400">
            {post.title}
          </Link>
        </h2>
        <PostMeta post={post} />
        {post.description ? <p className="leading-relaxed text-slate-700 dark:text-slate-300">{post.description}</p> : null}
        <TagLinks tags={post.tags} />
        <p>
          <Link
            href={postPath(post.slug)}
            className="inline-block rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 dark:bg-sky-400 dark:text-slate-950 dark:hover:bg-sky-300"
          >
            阅读本期<span className="sr-only">：{post.title}</span> →
          </Link>
        </p>
      </div>
    </article>
  );
}
