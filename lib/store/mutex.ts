/**
 * Serialises read-check-write sequences on one resource inside this process, so two saves of the same post cannot both
 * pass the version check. One per process (lib/singleton.ts) because Next may evaluate this module once per route bundle.
 */
import { processSingleton } from "@/lib/singleton";

const chains = processSingleton("mutex", () => new Map<string, Promise<unknown>>());

export async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = chains.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  chains.set(key, tail);
  try {
    return await run;
  } finally {
    if (chains.get(key) === tail) chains.delete(key);
  }
}
