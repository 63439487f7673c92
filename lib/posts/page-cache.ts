import "server-only";
import { unstable_cache } from "next/cache";

/**
 * Gives the page (or route handler) being rendered these cache tags, and, when a scheduled post goes live within a
 * day, a lifetime that ends then: the page renders again on the first visit after that moment, on every instance
 * (the expiry is part of the cached entry), with no timer and no rebuild.
 *
 * Next's classic cache collects the tags of every `unstable_cache` call made during a render into the page's entry;
 * this call caches nothing of value (a constant) and exists only for that. Outside a Next render (scripts, tests)
 * there is nothing to tag.
 */
export async function tagPage(tags: readonly string[], options: { expiresAt?: string | null } = {}): Promise<void> {
  const unique = [...new Set(tags)].sort();
  let revalidate: number | false = false;
  if (options.expiresAt) {
    const seconds = Math.ceil((Date.parse(options.expiresAt) - Date.now()) / 1000);
    if (seconds > 0 && seconds <= 86_400) revalidate = Math.max(1, seconds);
  }
  if (unique.length === 0 && revalidate === false) return;
  try {
    await unstable_cache(async () => true, ["digest-page-tags", ...unique, String(revalidate)], { tags: unique, revalidate })();
  } catch (error) {
    if (!(error instanceof Error) || !/incrementalCache missing|static generation store missing/i.test(error.message)) throw error;
  }
}
