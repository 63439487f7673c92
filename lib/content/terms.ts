/**
 * Tags and categories compare case-insensitively and width-insensitively (NFKC folds full-width Latin, which Chinese
 * input methods produce), so `Kubernetes`, `kubernetes` and `ｋｕｂｅｒｎｅｔｅｓ` are one tag.
 */
export function termKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Trimmed, non-empty names, deduplicated by key; the first spelling wins. */
export function uniqueTerms(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const trimmed = name.trim();
    const key = termKey(trimmed);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    result.push(trimmed);
  }
  return result;
}

/**
 * Jekyll separates tags by spaces; many hand-written files use commas instead (ASCII or Chinese). When a comma is
 * present it is the separator, so names with spaces survive: "service mesh, 云原生".
 */
export function splitTermList(value: string): string[] {
  return /[,，、]/.test(value) ? value.split(/[,，、]/) : value.split(/\s+/);
}
