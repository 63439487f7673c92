import type { SitemapEntry, TermCount } from "@/lib/store/types";
import { absoluteUrl, categoryPath, postPath, tagPath } from "@/lib/site";

/**
 * Sitemaps as the protocol writes them (sitemaps.org): one `<urlset>` while the site fits in one file, a
 * `<sitemapindex>` of several files once it does not.
 */
function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c);
}

export interface SitemapUrl {
  path: string;
  lastModified?: string;
}

export function urlset(urls: SitemapUrl[]): string {
  const items = urls.map(
    (u) => `<url><loc>${escapeXml(absoluteUrl(u.path))}</loc>${u.lastModified ? `<lastmod>${escapeXml(u.lastModified)}</lastmod>` : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</urlset>\n`;
}

export function sitemapIndex(paths: string[]): string {
  const items = paths.map((p) => `<sitemap><loc>${escapeXml(absoluteUrl(p))}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</sitemapindex>\n`;
}

export function postUrls(entries: SitemapEntry[]): SitemapUrl[] {
  return entries.map((e) => ({ path: postPath(e.slug), lastModified: e.updatedAt }));
}

export function termUrls(tags: TermCount[], categories: TermCount[]): SitemapUrl[] {
  return [...tags.map((t) => ({ path: tagPath(t.name) })), ...categories.map((c) => ({ path: categoryPath(c.name) }))];
}

export function xmlResponse(body: string): Response {
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
