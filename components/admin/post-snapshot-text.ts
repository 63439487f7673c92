import type { PostInput } from "@/lib/store/types";
import { postFormValuesFrom, type PostFormValues } from "./post-form-values";
import { splitChips } from "./term-chips";

/** Terms as a plain list, however the chip field holds them ("a, b, " and "a, b" read the same). */
function termsLine(value: string): string {
  const { chips, draft } = splitChips(value);
  return [...chips, ...(draft.trim() ? [draft.trim()] : [])].join(", ");
}

/**
 * A post as one text for comparing two versions: the fields an editor sets, one per line, as the form shows them, then
 * the body. Field lines come first so a changed title or tag shows in the same diff as a changed paragraph.
 */
export function formValuesText(values: PostFormValues): string {
  const fields: [string, string][] = [
    ["title", values.title],
    ["slug", values.slug],
    ["date", values.date],
    ["author", values.author],
    ["source", values.source],
    ["description", values.description],
    ["tags", termsLine(values.tags)],
    ["categories", termsLine(values.categories)],
    ["format", values.format],
    ["draft", values.draft ? "yes" : "no"],
  ];
  // Shown only when set, so posts without them (most of the archive) compare as before.
  for (const [name, value] of [["publishAt", values.publishAt], ["cover", values.cover], ["seoTitle", values.seoTitle], ["seoDescription", values.seoDescription]] as const) {
    if (value.trim() !== "") fields.push([name, value]);
  }
  const head = fields.map(([name, value]) => `${name}: ${value.replace(/\r?\n/g, " ")}`).join("\n");
  const body = values.body.replace(/\r\n/g, "\n");
  return `${head}\n---\n${body.endsWith("\n") || body === "" ? body : `${body}\n`}`;
}

export function postSnapshotText(post: PostInput, timeZone: string): string {
  return formValuesText(postFormValuesFrom(post, timeZone));
}
