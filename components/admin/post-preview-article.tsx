import type { ReactNode } from "react";
import { PostMeta } from "@/components/post-meta";
import { SourceLink } from "@/components/source-link";
import { TableOfContents } from "@/components/table-of-contents";
import { TagLinks } from "@/components/term-links";
import type { Post } from "@/lib/content/types";
import type { TocEntry } from "@/lib/render";

/**
 * The preview of a post as its public page shows it: the same title block, byline (date, author, reading time,
 * categories), tags, source box, table of contents and body classes as app/(site)/posts/[slug]/page.tsx, made of the
 * same components. Rendered on the server by the preview action; the body comes from the same renderer.
 */
export function PostPreviewArticle({
  post,
  content,
  toc,
}: {
  post: Post;
  content: ReactNode;
  toc: TocEntry[];
}) {
  return (
    <article data-testid="preview-article" lang="zh-CN">
      <header className="mb-6 space-y-3">
        {/* Looks like the page's <h1>; in the admin page it is a section of the editor, so it is not its main heading. */}
        <h2 data-testid="preview-title" className="text-2xl font-bold leading-tight text-slate-900 sm:text-3xl dark:text-white">
          {post.title}
        </h2>
        <PostMeta post={post} />
        <TagLinks tags={post.tags} />
      </header>
      <SourceLink source={post.source} />
      {toc.length >= 3 ? <TableOfContents entries={toc} placement="inline" /> : null}
      <div
        data-testid="preview-content"
        className="prose prose-slate max-w-none dark:prose-invert prose-headings:scroll-mt-20 prose-a:text-sky-700 dark:prose-a:text-sky-400"
      >
        {content}
      </div>
    </article>
  );
}
