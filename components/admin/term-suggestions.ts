import { termKey } from "@/lib/content/terms";

/**
 * Datalist options for a comma-separated field: a browser suggests whole values, so each option is what the field
 * would hold with that term completing the last entry. Terms already in the field are not offered again.
 */
export function termSuggestions(fieldValue: string, known: readonly string[], limit = 20): string[] {
  const separator = Math.max(fieldValue.lastIndexOf(","), fieldValue.lastIndexOf("，"));
  const done = separator === -1 ? "" : fieldValue.slice(0, separator + 1);
  const typed = termKey(fieldValue.slice(separator + 1));
  const present = new Set(done.split(/[,，]/).map(termKey).filter((key) => key !== ""));
  const prefix = done === "" ? "" : `${done.replace(/\s+$/, "")} `;
  return known
    .filter((term) => !present.has(termKey(term)) && termKey(term).includes(typed))
    .slice(0, limit)
    .map((term) => `${prefix}${term}`);
}
