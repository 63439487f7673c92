/**
 * A process-wide memo for the merged post list. Next's data cache refuses entries over 2 MB (a real corpus is more),
 * so the list lives in memory instead; writes call `invalidate()` and Next's page caches are revalidated separately.
 * It hangs off globalThis because route bundles may each evaluate this module.
 */
interface MemoState<T> {
  value: Promise<T> | null;
  loadedAt: number;
  generation: number;
}

export interface Memo<T> {
  get(): Promise<T>;
  invalidate(): void;
  generation(): number;
}

export function createMemo<T>(key: string, load: () => Promise<T>, maxAgeMs: () => number): Memo<T> {
  const store = globalThis as unknown as Record<string, MemoState<T> | undefined>;
  const slot = `__digest_memo_${key}`;
  const state = (): MemoState<T> => (store[slot] ??= { value: null, loadedAt: 0, generation: 0 });

  return {
    get() {
      const s = state();
      const age = Date.now() - s.loadedAt;
      if (s.value === null || age > maxAgeMs()) {
        const pending = load();
        s.value = pending;
        s.loadedAt = Date.now();
        s.generation += 1;
        // A failed load must not be remembered: the next reader tries again.
        pending.catch(() => {
          if (s.value === pending) s.value = null;
        });
      }
      return s.value;
    },
    invalidate() {
      const s = state();
      s.value = null;
      s.loadedAt = 0;
    },
    generation() {
      return state().generation;
    },
  };
}
