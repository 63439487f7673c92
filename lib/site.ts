/** Site identity and base URL, from configuration so every absolute link (feed, sitemap, canonical) agrees. */
export interface SiteConfig {
  name: string;
  description: string;
  url: string;
  language: string;
  postsPerPage: number;
}

function baseUrl(raw: string | undefined): string {
  const value = raw && raw.trim() !== "" ? raw.trim() : "http://localhost:3000";
  return value.replace(/\/+$/, "");
}

export const site: SiteConfig = {
  name: process.env.SITE_NAME ?? "Digest · 云原生技术动态",
  description: process.env.SITE_DESCRIPTION ?? "每周云原生技术动态：Kubernetes、CNCF 项目、AI 基础设施与服务网格的新闻与分析。",
  url: baseUrl(process.env.SITE_URL),
  language: "zh-CN",
  postsPerPage: Number(process.env.POSTS_PER_PAGE ?? "10") || 10,
};

export function absoluteUrl(path: string): string {
  return `${site.url}${path.startsWith("/") ? path : `/${path}`}`;
}

export function postPath(slug: string): string {
  return `/posts/${encodeURIComponent(slug)}`;
}

export function tagPath(tag: string): string {
  return `/tags/${encodeURIComponent(tag)}`;
}

export function categoryPath(category: string): string {
  return `/categories/${encodeURIComponent(category)}`;
}

/**
 * The feed links every page advertises. Next merges `alternates` shallowly, so a page that sets its own canonical URL
 * must repeat these or lose them.
 */
export const feedAlternates = { "application/rss+xml": "/feed.xml", "application/atom+xml": "/atom.xml" } as const;
