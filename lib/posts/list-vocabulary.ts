import "server-only";
import type { ListVocabulary, VocabularyTerm } from "@/lib/posts/list-key";
import { LIST_VOCABULARY_KEY, type ListVocabularySource } from "@/lib/posts/list-key";
import { site } from "@/lib/site";
import { processSingleton } from "@/lib/singleton";
import { activeStore } from "@/lib/store/active";
import type { TermCount } from "@/lib/store/types";

/** How old the proxy's picture of the terms may get before a request asks for a fresh one (in the background). */
const FRESH_MS = 1_000;

function byKey(terms: TermCount[]): Map<string, VocabularyTerm> {
  return new Map(terms.map((t) => [t.key, { name: t.name, count: t.count }]));
}

async function load(): Promise<ListVocabulary> {
  const { store } = await activeStore();
  const [tags, categories, total] = await Promise.all([store.terms("tags"), store.terms("categories"), store.countPublished()]);
  return { total, perPage: site.postsPerPage, tags: byKey(tags), categories: byKey(categories) };
}

/**
 * The terms that exist and their counts, for the proxy to decide which list URLs are cache keys (lib/posts/list-key.ts).
 * Registered once per process at start (instrumentation-node.ts); the proxy only reads it. A stale picture is harmless:
 * a term it does not know yet is rendered uncached, one it still knows is rendered from the store like any page.
 */
export function installListVocabulary(): void {
  processSingleton<ListVocabularySource>(LIST_VOCABULARY_KEY, () => {
    let current: ListVocabulary | undefined;
    let loadedAt = 0;
    let pending: Promise<void> | null = null;
    const refresh = () => {
      pending ??= load().then(
        (vocabulary) => {
          current = vocabulary;
          loadedAt = Date.now();
          pending = null;
        },
        () => {
          // The store is away or starting: keep what we had, try again on a later request.
          loadedAt = Date.now();
          pending = null;
        },
      );
    };
    refresh();
    return {
      current() {
        if (Date.now() - loadedAt > FRESH_MS) refresh();
        return current;
      },
    };
  });
}
