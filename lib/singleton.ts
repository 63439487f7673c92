/**
 * One value per server process, whatever module instance asks. Next.js may evaluate a module once per route bundle
 * (and again on every development reload), so module-level state would be duplicated; the value lives on globalThis
 * under one naming scheme instead.
 */
const registry = ((globalThis as unknown as { __digest?: Map<string, unknown> }).__digest ??= new Map<string, unknown>());

export function processSingleton<T>(key: string, create: () => T): T {
  if (!registry.has(key)) registry.set(key, create());
  return registry.get(key) as T;
}

/** A per-process place for a value that is replaced over time (a client reopened for a new URL): `slot.value`. */
export function processSlot<T>(key: string): { value: T | undefined } {
  return processSingleton<{ value: T | undefined }>(key, () => ({ value: undefined }));
}

/** Forgets a singleton (tests, reconfiguration); the next `processSingleton` call creates it again. */
export function resetProcessSingleton(key: string): void {
  registry.delete(key);
}

/** A singleton if something in this process has created it; never creates one (the proxy reads what the server set up). */
export function peekProcessSingleton<T>(key: string): T | undefined {
  return registry.get(key) as T | undefined;
}
