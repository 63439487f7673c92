/**
 * RSS 2.0 and Atom 1.0 text for a feed description. Our own, small, because the `feed` package (6.0.0) escaped only `&`
 * in attributes (a tag with `<` in its name made `<category label="…">` ill-formed, so /atom.xml stopped parsing for
 * every reader) and nothing removed the control characters XML 1.0 forbids. Every piece of text and every attribute
 * value goes through one escaper, `xml()`.
 */

export interface FeedPerson {
  name: string;
}

export interface FeedCategory {
  /** What readers see (the display name). */
  label: string;
  /** The stable name (Atom `term`). */
  term: string;
  /** Atom `scheme`: the kind's base URL. */
  scheme: string;
  /** RSS `domain`: the term's page. */
  domain: string;
}

export interface FeedEntry {
  title: string;
  /** Absolute URL of the post; also its id. */
  link: string;
  description: string;
  updated: Date;
  published: Date;
  author?: FeedPerson;
  categories: FeedCategory[];
}

export interface FeedDocument {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors; also the Atom id. */
  link: string;
  language: string;
  copyright: string;
  updated: Date;
  generator: string;
  rssUrl: string;
  atomUrl: string;
  entries: FeedEntry[];
}

// Code points XML 1.0 does not allow anywhere (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an element or a double- or single-quoted attribute: illegal characters dropped, markup escaped. */
export function xml(text: string): string {
  return text
    .replace(XML_ILLEGAL, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function element(name: string, text: string, attributes: Record<string, string> = {}): string {
  return `<${name}${attributeList(attributes)}>${xml(text)}</${name}>`;
}

function attributeList(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${xml(value)}"`)
    .join("");
}

function lines(indent: string, parts: (string | null)[]): string {
  return parts.filter((part): part is string => part !== null).map((part) => `${indent}${part}\n`).join("");
}

export function rss2(feed: FeedDocument): string {
  const items = feed.entries.map(
    (entry) =>
      `        <item>\n${lines("            ", [
        element("title", entry.title),
        element("link", entry.link),
        element("guid", entry.link, { isPermaLink: "false" }),
        element("pubDate", entry.published.toUTCString()),
        element("description", entry.description),
        entry.author ? element("author", entry.author.name) : null,
        ...entry.categories.map((category) => element("category", category.label, { domain: category.domain })),
      ])}        </item>\n`,
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n    <channel>\n` +
    lines("        ", [
      element("title", feed.title),
      element("link", feed.link),
      element("description", feed.description),
      element("lastBuildDate", feed.updated.toUTCString()),
      element("docs", "https://validator.w3.org/feed/docs/rss2.html"),
      element("generator", feed.generator),
      element("language", feed.language),
      element("copyright", feed.copyright),
      `<atom:link${attributeList({ href: feed.rssUrl, rel: "self", type: "application/rss+xml" })}/>`,
    ]) +
    items.join("") +
    `    </channel>\n</rss>\n`
  );
}

export function atom1(feed: FeedDocument): string {
  const entries = feed.entries.map(
    (entry) =>
      `    <entry>\n${lines("        ", [
        element("title", entry.title, { type: "text" }),
        element("id", entry.link),
        `<link${attributeList({ href: entry.link })}/>`,
        element("updated", entry.updated.toISOString()),
        element("summary", entry.description, { type: "text" }),
        entry.author ? `<author>${element("name", entry.author.name)}</author>` : null,
        ...entry.categories.map(
          (category) => `<category${attributeList({ label: category.label, scheme: category.scheme, term: category.term })}/>`,
        ),
        element("published", entry.published.toISOString()),
      ])}    </entry>\n`,
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.language)}">\n` +
    lines("    ", [
      element("id", feed.link),
      element("title", feed.title),
      element("updated", feed.updated.toISOString()),
      element("generator", feed.generator),
      `<link${attributeList({ rel: "alternate", href: feed.link })}/>`,
      `<link${attributeList({ rel: "self", href: feed.atomUrl })}/>`,
      element("subtitle", feed.description),
      element("rights", feed.copyright),
    ]) +
    entries.join("") +
    `</feed>\n`
  );
}
