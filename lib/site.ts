/** Site identity and base URL, from configuration so every absolute link (feed, sitemap, canonical) agrees. */
export interface SiteConfig {
  name: string;
  description: string;
  url: string;
  language: string;
  postsPerPage: number;
}

/**
 * The absolute base URL. `SITE_URL` when set (production must set it). In development without it, the address the
 * dev server really listens on: Next sets PORT (and its own origin) once it is listening, so `next dev -p 3100`
 * links to :3100 instead of a fixed :3000.
 */
export function siteBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.SITE_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  if (env.NODE_ENV === "development") {
    const origin = env.__NEXT_PRIVATE_ORIGIN?.trim();
    if (origin && URL.canParse(origin)) return new URL(origin).origin;
    const port = env.PORT?.trim();
    if (port && /^[0-9]{1,5}$/.test(port)) return `http://localhost:${port}`;
  }
  return "http://localhost:3000";
}

export const site: SiteConfig = {
  name: process.env.SITE_NAME ?? "Digest · 云原生技术动态",
  description: process.env.SITE_DESCRIPTION ?? "每周云原生技术动态：Kubernetes、CNCF 项目、AI 基础设施与服务网格的新闻与分析。",
  // Read on use: in development the port is known only once the server listens, after this module may have loaded.
  get url() {
    return siteBaseUrl();
  },
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
