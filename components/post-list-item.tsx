import Link from "next/link";
import type { PostSummary } from "@/lib/content/types";
import { postPath } from "@/lib/site";
import { PostMeta } from "@/components/post-meta";
import { TagLinks } from "@/components/term-links";

export function PostListItem({ post, headingLevel = 2 }: { post: PostSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="space-y-2 py-6" data-testid="post-entry">
      <Heading className="text-xl font-semibold leading-snug text-slate-900 dark:text-white">
        <Link href={postPath(post.slug)} className="hover:text-sky-700 dark:hover:text-sky-400">
          {post.title}
        </Link>
      </Heading>
      <PostMeta post={post} />
      {post.description ? <p className="leading-relaxed text-slate-700 dark:text-slate-300">{post.description}</p> : null}
      <TagLinks tags={post.tags} />
    </article>
  );
}

export function PostListItems({ posts, headingLevel }: { posts: PostSummary[]; headingLevel?: 2 | 3 }) {
  return (
    <div className="divide-y divide-slate-200 dark:divide-slate-800">
      {posts.map((post) => (
        <PostListItem key={post.slug} post={post} headingLevel={headingLevel} />
      ))}
    </div>
  );
}
