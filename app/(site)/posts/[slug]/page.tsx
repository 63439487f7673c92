import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { NotFoundPage } from "@/components/not-found-page";
import { PostListItems } from "@/components/post-list-item";
import { PostMeta } from "@/components/post-meta";
import { PostNeighbours } from "@/components/post-neighbours";
import { SourceLink } from "@/components/source-link";
import { TableOfContents } from "@/components/table-of-contents";
import { TagLinks } from "@/components/term-links";
import { withoutLeadingTitle } from "@/lib/content/excerpt";
import { articleJsonLd, serializeJsonLd } from "@/lib/json-ld";
import { getNeighbours, getPost, getRedirect, getRelatedPosts, listPosts } from "@/lib/posts";
import { withCover } from "@/lib/reader/cover";
import { renderPost } from "@/lib/render";
import { feedAlternates, postPath, site } from "@/lib/site";
import { decodePathSegment } from "@/lib/url";

type Params = Promise<{ slug: string }>;

/** The newest posts are prerendered at build; every other post renders on first visit and is cached like these. */
const PRERENDERED_POSTS = 50;

export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return (await listPosts({ perPage: PRERENDERED_POSTS })).posts.map((post) => ({ slug: post.slug }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const slug = decodePathSegment((await params).slug);
  const post = slug === null ? null : await getPost(slug);
  if (!post) return { title: "找不到文章" };
  return {
    title: post.seoTitle ?? post.title,
    description: post.seoDescription ?? post.description,
    authors: post.author ? [{ name: post.author }] : undefined,
    keywords: post.tags,
    alternates: { canonical: postPath(post.slug), types: feedAlternates },
    openGraph: {
      type: "article",
      title: post.seoTitle ?? post.title,
      description: post.seoDescription ?? post.description,
      url: postPath(post.slug),
      images: post.cover ? [{ url: post.cover }] : undefined,
      siteName: site.name,
      locale: "zh_CN",
      publishedTime: post.date,
      modifiedTime: post.updatedAt ?? undefined,
      authors: post.author ? [post.author] : undefined,
      section: post.categories[0],
      tags: post.tags,
    },
  };
}

export default async function PostPage({ params }: { params: Params }) {
  const slug = decodePathSegment((await params).slug);
  if (slug === null) return <NotFoundPage />;
  const post = await getPost(slug);
  if (!post) {
    const target = await getRedirect(slug);
    if (target) permanentRedirect(postPath(target));
    return <NotFoundPage />;
  }
  const [{ content, toc }, neighbours, related] = await Promise.all([
    renderPost({ body: withoutLeadingTitle(post.body, post.title), format: post.format }),
    getNeighbours(post),
    getRelatedPosts(post),
  ]);

  return (
    <div className="xl:grid xl:grid-cols-[minmax(0,42rem)_14rem] xl:justify-between xl:gap-12">
      <article data-testid="post" className="mx-auto max-w-[42rem] xl:mx-0">
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(articleJsonLd(post)) }} />
        <header className="mb-6 space-y-3">
          <h1 className="text-2xl font-bold leading-snug text-slate-900 sm:text-3xl dark:text-white">{post.title}</h1>
          <PostMeta post={post} />
          <TagLinks tags={post.tags} />
        </header>
        <SourceLink source={post.source} />
        {toc.length >= 3 ? <TableOfContents entries={toc} placement="inline" /> : null}
        <div className="prose prose-slate reading max-w-none dark:prose-invert prose-headings:scroll-mt-20 prose-a:text-sky-700 dark:prose-a:text-sky-400">
          {content}
        </div>
        <PostNeighbours previous={neighbours.previous} next={neighbours.next} />
        {related.length > 0 ? (
          <section aria-labelledby="related-heading" className="mt-12">
            <h2 id="related-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
              相关文章
            </h2>
            <PostListItems posts={related.map(withCover)} headingLevel={3} />
          </section>
        ) : null}
      </article>
      {toc.length >= 3 ? <TableOfContents entries={toc} placement="sidebar" /> : null}
    </div>
  );
}
