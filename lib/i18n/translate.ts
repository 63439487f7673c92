import type { Locale } from "./locales";

/**
 * A message is a string with `{name}` placeholders, or, where English needs a plural, `{ one, other }` chosen by
 * `Intl.PluralRules` from the `count` parameter (Chinese has one form: it always uses `other`). Catalogues are plain
 * data so the server can hand the active one to client components as a prop.
 */
export interface PluralMessage {
  one: string;
  other: string;
}
export type MessageTree = { [key: string]: string | PluralMessage | MessageTree };
export type MessageParams = Record<string, string | number>;

type IsLeaf<T> = T extends string ? true : T extends PluralMessage ? true : false;

/** Every dotted path to a message: "editor.save", "diff.linesAdded". */
export type MessageKeyOf<T> = {
  [K in keyof T & string]: IsLeaf<T[K]> extends true ? K : `${K}.${MessageKeyOf<T[K]>}`;
}[keyof T & string];

export interface Translator<K extends string = string> {
  (key: K, params?: MessageParams): string;
  readonly locale: Locale;
  /** For keys that come from elsewhere (a schema's message, a revision action the data layer added later). */
  has(key: string): key is K;
}

function isPlural(value: unknown): value is PluralMessage {
  return typeof value === "object" && value !== null && "other" in value && typeof (value as PluralMessage).other === "string";
}

function lookup(tree: MessageTree, key: string): string | PluralMessage | undefined {
  let node: MessageTree | string | PluralMessage | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || isPlural(node)) return undefined;
    node = (node as MessageTree)[part];
  }
  return typeof node === "string" || isPlural(node) ? node : undefined;
}

function interpolate(template: string, params: MessageParams | undefined, format: (value: number) => string): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? format(value) : value;
  });
}

export function createTranslator<T extends MessageTree>(locale: Locale, messages: T): Translator<MessageKeyOf<T>> {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const format = (value: number) => (Number.isInteger(value) ? numbers.format(value) : String(value));
  const t = ((key: string, params?: MessageParams) => {
    const message = lookup(messages, key);
    // A missing key shows itself: visible in a test or a screenshot, never a crash in front of an editor.
    if (message === undefined) return key;
    if (typeof message === "string") return interpolate(message, params, format);
    const count = typeof params?.count === "number" ? params.count : 0;
    const form = plurals.select(count) === "one" ? message.one : message.other;
    return interpolate(form, params, format);
  }) as Translator<MessageKeyOf<T>>;
  Object.defineProperty(t, "locale", { value: locale });
  Object.defineProperty(t, "has", { value: (key: string) => lookup(messages, key) !== undefined });
  return t;
}
