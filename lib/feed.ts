import type { PostSummary } from "@/lib/content/types";
import { absoluteUrl, categoryPath, postPath, site, tagPath } from "@/lib/site";
import { categoryName, tagName } from "@/lib/terms";
import { atom1, rss2, type FeedDocument } from "./feed-xml";

export interface FeedScope {
  /** e.g. "标签：kubernetes"; omitted for the whole site. */
  title?: string;
  /** The term's description (content/terms.yaml); the site's otherwise. */
  description?: string;
  /** Path of the HTML page the feed mirrors, e.g. /tags/kubernetes. */
  pagePath: string;
  /** Path of this feed itself. */
  feedPath: string;
}

export const FEED_SIZE = 20;

/** RSS 2.0 / Atom for published posts, newest first, with absolute links. Drafts never reach here: callers pass published posts. */
export function buildFeed(posts: PostSummary[], scope: FeedScope): FeedDocument {
  const newest = posts.slice(0, FEED_SIZE);
  return {
    title: scope.title ? `${scope.title} · ${site.name}` : site.name,
    description: scope.description ?? site.description,
    link: absoluteUrl(scope.pagePath),
    language: site.language,
    copyright: `© ${site.name}`,
    updated: newest[0] ? new Date(newest[0].updatedAt ?? newest[0].date) : new Date(0),
    generator: "Digest",
    rssUrl: absoluteUrl(scope.feedPath),
    atomUrl: absoluteUrl(scope.feedPath.replace(/feed\.xml$/, "atom.xml")),
    entries: newest.map((post) => ({
      title: post.title,
      link: absoluteUrl(postPath(post.slug)),
      description: post.description,
      updated: new Date(post.updatedAt ?? post.date),
      published: new Date(post.date),
      author: post.author ? { name: post.author } : undefined,
      // Feed readers show the display name (content/terms.yaml); RSS `domain` is the term's page, Atom `term` its stable name.
      categories: [
        ...post.categories.map((name) => ({ label: categoryName(name), term: name, scheme: absoluteUrl("/categories/"), domain: absoluteUrl(categoryPath(name)) })),
        ...post.tags.map((name) => ({ label: tagName(name), term: name, scheme: absoluteUrl("/tags/"), domain: absoluteUrl(tagPath(name)) })),
      ],
    })),
  };
}

export function rssResponse(feed: FeedDocument): Response {
  return new Response(rss2(feed), { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}

export function atomResponse(feed: FeedDocument): Response {
  return new Response(atom1(feed), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
