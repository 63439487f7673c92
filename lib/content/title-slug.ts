import { pinyin } from "pinyin-pro";
import { isValidSlug, normalizeSlug, truncateSlug } from "./slug";

/**
 * A slug for a new post, from its title. Chinese characters become toneless pinyin, one syllable per hyphen
 * (`云原生周报` → `yun-yuan-sheng-zhou-bao`): an ASCII slug stays short in a URL (a Chinese character is 9 bytes
 * percent-encoded) and can be read and typed. pinyin-pro reads words in context, so 银行 is `yin-hang` and 行走
 * `xing-zou`. The slug is computed once, when the post is created, and stored with it: an upgrade of the library
 * never renames a post. Latin letters lose their accents (`Café` → `cafe`), other scripts (한국어) are kept, and
 * every run of punctuation becomes one `-`. Titles with no letter or digit at all get "post".
 *
 * Kept apart from slug.ts because pinyin-pro's dictionary costs ~100 ms and ~8 MB to load, and only the editor's
 * form needs it; every page that reads posts imports slug.ts.
 */
const TITLE_SLUG_BYTES = 80;
const HAN = /\p{Script=Han}+/gu;

export function slugFromTitle(title: string): string {
  const spelled = title
    .normalize("NFC")
    .replace(HAN, (han) => `-${pinyin(han, { toneType: "none", type: "array", v: true }).join("-")}-`);
  const folded = [...spelled].map((character) => LATIN_LIGATURES[character] ?? foldLatinAccents(character)).join("");
  const slug = truncateSlug(normalizeSlug(folded.replace(/[._]+/g, "-")), TITLE_SLUG_BYTES);
  return isValidSlug(slug) ? slug : "post";
}

const LATIN_LIGATURES: Record<string, string> = {
  ß: "ss", æ: "ae", Æ: "ae", œ: "oe", Œ: "oe", ø: "o", Ø: "o", đ: "d", Đ: "d", ł: "l", Ł: "l", þ: "th", Þ: "th",
};

// Only the Latin combining diacritics are dropped: decomposing a whole title would also split Hangul syllables.
function foldLatinAccents(character: string): string {
  const decomposed = character.normalize("NFD");
  const stripped = decomposed.replace(/[\u0300-\u036f]/g, "");
  return stripped === decomposed ? character : stripped;
}
