import type { Post } from "@/lib/content/types";
import { inlineMarkdownToText } from "@/lib/content/markdown-text";
import { formatDate } from "@/lib/format";
import { CategoryLinks } from "@/components/term-links";

/** What the byline needs: fields a post list has too. */
export type PostMetaData = Pick<Post, "date" | "author" | "readingMinutes" | "categories">;

/** Date, author, reading time and categories: the byline shared by list entries and post pages. */
export function PostMeta({ post }: { post: PostMetaData }) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-500 dark:text-slate-400">
      <time dateTime={post.date}>{formatDate(post.date)}</time>
      {/* Imported authors sometimes carry Markdown links; the byline shows the names. */}
      {post.author ? <span>{inlineMarkdownToText(post.author)}</span> : null}
      <span>约 {post.readingMinutes} 分钟读完</span>
      <CategoryLinks categories={post.categories} />
    </p>
  );
}
