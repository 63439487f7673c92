import type { Post } from "@/lib/content/types";
import { absoluteUrl, postPath, site } from "@/lib/site";

/** schema.org Article for a post. */
export function articleJsonLd(post: Post): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: post.title,
    description: post.description,
    datePublished: post.date,
    dateModified: post.updatedAt ?? post.date,
    inLanguage: site.language,
    mainEntityOfPage: absoluteUrl(postPath(post.slug)),
    url: absoluteUrl(postPath(post.slug)),
    author: post.author ? { "@type": "Person", name: post.author } : { "@type": "Organization", name: site.name },
    publisher: { "@type": "Organization", name: site.name, url: site.url },
    keywords: post.tags.join(", "),
    articleSection: post.categories[0],
    ...(post.source ? { isBasedOn: post.source } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so a title can never close the script element. */
export function serializeJsonLd(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
