import type { EditorNotice } from "./editor-notice";

/** Admin URLs for a post. Slugs may be Chinese, so they are encoded once, here. */
export function editPath(slug: string, notice?: EditorNotice): string {
  const path = `/admin/posts/${encodeURIComponent(slug)}/edit`;
  return notice ? `${path}?notice=${notice}` : path;
}

export function revisionsPath(slug: string, revisionId?: string): string {
  const path = `/admin/posts/${encodeURIComponent(slug)}/revisions`;
  return revisionId ? `${path}?${new URLSearchParams({ revision: revisionId })}` : path;
}

/** The reader's page for a post (as lib/site's postPath, without pulling server configuration into the browser). */
export function publicPostPath(slug: string): string {
  return `/posts/${encodeURIComponent(slug)}`;
}
