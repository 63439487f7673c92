/**
 * Narrow type guards for the JSON this host reads (argv, stdin, package.json). Plain guards rather than zod: the CLI
 * spawns the host once per command, and loading zod would add to every start.
 */
export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value[key]` when it is a string, else undefined. */
export function stringField(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return undefined;
  const field = value[key];
  return typeof field === "string" ? field : undefined;
}
