import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { NotFoundPage } from "@/components/not-found-page";
import { TermIndex } from "@/components/term-index";
import { TermPostsView } from "@/components/term-posts";
import { buildFeed, FEED_SIZE, rssResponse } from "@/lib/feed";
import { findTerm, getFeedPosts, getTermPosts, getTerms, type TermKind } from "@/lib/posts";
import { termLabels, termPagePath } from "@/lib/posts/terms";
import { feedAlternates } from "@/lib/site";
import { decodePathSegment } from "@/lib/url";
import { termDisplay } from "@/lib/terms";

/**
 * The route modules for /tags… and /categories… are the same apart from the kind and the param name; each route file
 * re-exports what this builds so the two can never drift apart. (A private `_lib` folder: routes, not a library.)
 */
type Param = "tag" | "category";
type TermParams<P extends Param> = Promise<Record<P, string>>;
type PagedParams<P extends Param> = Promise<Record<P | "page", string>>;

/** Terms prerendered at build; every other one renders on first visit and is cached like these. */
const PRERENDERED_TERMS = 50;

function pageNumber(raw: string): number {
  return /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : Number.NaN;
}

export function termIndexRoute(kind: TermKind) {
  return {
    metadata: { title: termLabels[kind].all, alternates: { canonical: kind === "tags" ? "/tags" : "/categories" } } satisfies Metadata,
    async Page() {
      return <TermIndex kind={kind} terms={await getTerms(kind)} />;
    },
  };
}

export function termPostsRoute<P extends Param>(kind: TermKind, param: P) {
  async function load(rawName: string, page: number) {
    const name = decodePathSegment(rawName);
    const data = name === null || Number.isNaN(page) ? null : await getTermPosts(kind, name, page);
    if (!data || name === null) return null;
    // One URL per term: other spellings (case, width) redirect to the canonical one.
    if (data.term.name !== name) permanentRedirect(termPagePath(kind, data.term.name, page));
    return data;
  }

  async function metadataFor(rawName: string, page: number): Promise<Metadata> {
    const name = decodePathSegment(rawName);
    const data = name === null || Number.isNaN(page) ? null : await getTermPosts(kind, name, page);
    if (!data) return { title: "找不到页面" };
    const display = termDisplay(kind, data.term.name);
    const label = `${termLabels[kind].one}：${display.name}`;
    return {
      title: page > 1 ? `${label}（第 ${page} 页）` : label,
      description: display.description ?? `${label}，共 ${data.total} 篇文章。`,
      alternates: {
        canonical: termPagePath(kind, data.term.name, page),
        types: { ...feedAlternates, "application/rss+xml": `${termPagePath(kind, data.term.name, 1)}/feed.xml` },
      },
    };
  }

  const popular = async () => (await getTerms(kind)).slice(0, PRERENDERED_TERMS);

  return {
    first: {
      async generateStaticParams() {
        return (await popular()).map((t) => ({ [param]: t.name }));
      },
      async generateMetadata({ params }: { params: TermParams<P> }) {
        return metadataFor((await params)[param], 1);
      },
      async Page({ params }: { params: TermParams<P> }) {
        const data = await load((await params)[param], 1);
        return data ? <TermPostsView kind={kind} data={data} /> : <NotFoundPage />;
      },
    },
    paged: {
      async generateStaticParams() {
        return [];
      },
      async generateMetadata({ params }: { params: PagedParams<P> }) {
        const p = await params;
        return metadataFor(p[param], pageNumber(p.page));
      },
      async Page({ params }: { params: PagedParams<P> }) {
        const p = await params;
        const page = pageNumber(p.page);
        const name = decodePathSegment(p[param]);
        if (name === null) return <NotFoundPage />;
        // Page 1 has its own URL without /page/1.
        if (page === 1) permanentRedirect(termPagePath(kind, name, 1));
        const data = await load(p[param], page);
        return data ? <TermPostsView kind={kind} data={data} /> : <NotFoundPage />;
      },
    },
  };
}

/** `/tags/<tag>/feed.xml` and `/categories/<category>/feed.xml`: RSS of one term's published posts. */
export function termFeedRoute<P extends Param>(kind: TermKind, param: P) {
  return {
    async generateStaticParams() {
      return (await getTerms(kind)).slice(0, PRERENDERED_TERMS).map((t) => ({ [param]: t.name }));
    },
    async GET(_request: Request, { params }: { params: TermParams<P> }): Promise<Response> {
      const name = decodePathSegment((await params)[param]);
      const term = name === null ? null : await findTerm(kind, name);
      if (!term) return new Response("Not found", { status: 404 });
      const posts = await getFeedPosts(FEED_SIZE, { kind, name: term.name });
      const pagePath = termPagePath(kind, term.name, 1);
      const display = termDisplay(kind, term.name);
      return rssResponse(
        buildFeed(posts, {
          title: `${termLabels[kind].one}：${display.name}`,
          description: display.description ?? undefined,
          pagePath,
          feedPath: `${pagePath}/feed.xml`,
        }),
      );
    },
  };
}
