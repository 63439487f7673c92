import { isCjk } from "@/lib/search/tokenize";

/**
 * How a term is stored in MiniSearch's radix tree. Chinese bigrams start with one of thousands of characters, and the
 * tree scans a node's children one by one, so indexing slowed down with every new leading character. Spelling each
 * CJK character as four base-36 digits (behind a marker no word token contains) caps the fan-out at 36 and halves
 * build time on the corpus. Prefixes survive: a lone character's key is a prefix of every bigram it starts.
 */
const CJK_MARK = "~";

export function termKey(term: string): string {
  if (!isCjk(term)) return term;
  let key = CJK_MARK;
  for (const char of term) key += (char.codePointAt(0) ?? 0).toString(36).padStart(4, "0");
  return key;
}

export function isCjkKey(key: string): boolean {
  return key.startsWith(CJK_MARK);
}

/** Number of characters a key stands for (1 for a lone CJK character). */
export function keyLength(key: string): number {
  return isCjkKey(key) ? (key.length - CJK_MARK.length) / 4 : key.length;
}
