import { termKey, uniqueTerms } from "@/lib/content/terms";
import { termListText } from "./post-form-values";

const SEPARATOR = /[,，、]/;

/**
 * A tags or categories field's text as chips and what is still being typed: "kubernetes, 服务网格, istio" is two chips
 * and "istio" in progress. Commas (ASCII or Chinese) and 、 separate; the server reads the same text the same way.
 */
export function splitChips(value: string): { chips: string[]; draft: string } {
  const parts = value.split(SEPARATOR);
  const draft = (parts.pop() ?? "").replace(/^\s+/, "");
  return { chips: uniqueTerms(parts), draft };
}

export function joinChips(chips: readonly string[], draft = ""): string {
  return `${termListText(uniqueTerms(chips))}${draft}`;
}

/** Known names to offer for what is being typed: those containing it, case- and width-insensitively, not yet chosen. */
export function chipSuggestions(draft: string, chosen: readonly string[], known: readonly string[], limit = 8): string[] {
  const typed = termKey(draft);
  const taken = new Set(chosen.map(termKey));
  return known.filter((term) => !taken.has(termKey(term)) && termKey(term).includes(typed)).slice(0, limit);
}
