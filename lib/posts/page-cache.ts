import "server-only";
import { unstable_cache } from "next/cache";

/**
 * The longest lifetime a page is given while a scheduled post is further away than this: the page then renders once a
 * day and takes the remaining time afresh, so a post scheduled weeks ahead still goes live to the second. (Before, a
 * post more than a day away gave no lifetime at all, and the cached pages never learned of it without an edit.)
 */
export const MAX_SCHEDULE_LIFETIME_S = 86_400;

/**
 * Seconds until `expiresAt` (rounded up: a page must not come back a moment before the post is visible), at least 1
 * and at most MAX_SCHEDULE_LIFETIME_S; `false` (no time limit) when there is nothing scheduled or it is already past.
 */
export function lifetimeUntil(expiresAt: string | null | undefined, now: number): number | false {
  if (!expiresAt) return false;
  const ms = Date.parse(expiresAt) - now;
  if (!(ms > 0)) return false;
  return Math.min(MAX_SCHEDULE_LIFETIME_S, Math.max(1, Math.ceil(ms / 1000)));
}

/**
 * Gives the page (or route handler) being rendered these cache tags, and, while a post is scheduled, a lifetime that
 * ends when it goes live: the page renders again on the first visit after that moment, on every instance (the
 * lifetime is part of the cached entry, measured from when it was stored), with no timer and no rebuild.
 *
 * Next's classic cache collects the tags and the shortest `revalidate` of every `unstable_cache` call made during a
 * render into the page's entry; this call caches nothing of value (a constant) and exists only for that. Outside a
 * Next render (scripts, tests) there is nothing to tag.
 */
export async function tagPage(tags: readonly string[], options: { expiresAt?: string | null } = {}): Promise<void> {
  const unique = [...new Set(tags)].sort();
  const revalidate = lifetimeUntil(options.expiresAt, Date.now());
  if (unique.length === 0 && revalidate === false) return;
  try {
    await unstable_cache(async () => true, ["digest-page-tags", ...unique, String(revalidate)], { tags: unique, revalidate })();
  } catch (error) {
    if (!(error instanceof Error) || !/incrementalCache missing|static generation store missing/i.test(error.message)) throw error;
  }
}
