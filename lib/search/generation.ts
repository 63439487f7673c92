import type { Post } from "@/lib/content/types";
import { buildSearchIndex, syncSearchIndex, type SearchIndex } from "@/lib/search/index";

/**
 * One search index per "posts generation". The data layer returns the same array object until posts change, so the
 * array's identity is the generation: a WeakMap hit costs nothing, and a new array is folded into the previous index
 * incrementally (only changed posts are re-indexed) instead of rebuilding it.
 *
 * Only the newest generation keeps an index: the previous array's entry is dropped when its index moves on, so an old
 * array can never be answered from an index that no longer matches it.
 */
interface GenerationState {
  byPosts: WeakMap<readonly Post[], SearchIndex>;
  latest: { posts: readonly Post[]; index: SearchIndex } | null;
}

export interface IndexGenerations {
  indexFor(posts: readonly Post[]): SearchIndex;
}

export function createIndexGenerations(): IndexGenerations {
  const state: GenerationState = { byPosts: new WeakMap(), latest: null };
  return {
    indexFor(posts) {
      const known = state.byPosts.get(posts);
      if (known) return known;
      let index: SearchIndex;
      if (state.latest) {
        index = state.latest.index;
        state.byPosts.delete(state.latest.posts);
        syncSearchIndex(index, posts);
      } else {
        index = buildSearchIndex(posts);
      }
      state.byPosts.set(posts, index);
      state.latest = { posts, index };
      return index;
    },
  };
}

// Route bundles may each evaluate this module; hanging the state off globalThis keeps one index per process.
const slot = globalThis as unknown as { __digest_search_generations?: IndexGenerations };

/** The process-wide index for a posts array (see above). */
export function searchIndexFor(posts: readonly Post[]): SearchIndex {
  slot.__digest_search_generations ??= createIndexGenerations();
  return slot.__digest_search_generations.indexFor(posts);
}
