import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import type { PostSummary } from "@/lib/content/types";
import { atomResponse, buildFeed, rssResponse } from "./feed";
import { xml } from "./feed-xml";

interface ParsedFeed {
  /** Text of every element, by name, in document order. */
  texts: Map<string, string[]>;
  /** Attributes of every element, by name. */
  attributes: Map<string, Record<string, string>[]>;
}

/** A real, strict XML parser: throws on anything that is not well-formed XML 1.0. */
function parse(text: string): ParsedFeed {
  const parser = new SaxesParser();
  const texts = new Map<string, string[]>();
  const attributes = new Map<string, Record<string, string>[]>();
  const open: { name: string; text: string }[] = [];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    open.push({ name: tag.name, text: "" });
    const attrs = Object.fromEntries(Object.entries(tag.attributes).map(([key, value]) => [key, String(value)]));
    attributes.set(tag.name, [...(attributes.get(tag.name) ?? []), attrs]);
  });
  parser.on("text", (value) => {
    const top = open.at(-1);
    if (top) top.text += value;
  });
  parser.on("cdata", (value) => {
    const top = open.at(-1);
    if (top) top.text += value;
  });
  parser.on("closetag", () => {
    const top = open.pop();
    if (top) texts.set(top.name, [...(texts.get(top.name) ?? []), top.text]);
  });
  parser.write(text).close();
  return { texts, attributes };
}

const hostile = `a<b & "c" 'd' ]]> <script>x</script> \u0001\u0008\u000B\u001F\uFFFE end`;
/** What a reader should see: the text without the characters XML cannot carry. */
const visible = `a<b & "c" 'd' ]]> <script>x</script>  end`;

function post(overrides: Partial<PostSummary> = {}): PostSummary {
  return {
    slug: "hostile",
    title: hostile,
    date: "2026-01-05T00:00:00.000Z",
    author: hostile,
    description: hostile,
    tags: [`tag<${hostile}`, "k8s&co"],
    categories: [`cat"${hostile}`],
    readingMinutes: 1,
    updatedAt: null,
    cover: null,
    ...overrides,
  };
}

const scopes = [
  { name: "site", scope: { pagePath: "/", feedPath: "/feed.xml" } },
  { name: "term", scope: { title: `标签：${hostile}`, description: hostile, pagePath: "/tags/x%3Cy", feedPath: "/tags/x%3Cy/feed.xml" } },
];

describe("feeds stay well-formed XML whatever the titles and terms hold", () => {
  for (const { name, scope } of scopes) {
    it(`RSS (${name})`, async () => {
      const feed = parse(await rssResponse(buildFeed([post(), post({ slug: "plain", title: "普通" })], scope)).text());
      expect(feed.texts.get("title")).toContain(visible);
      expect(feed.texts.get("title")).toContain("普通");
      expect(feed.texts.get("category")).toEqual(expect.arrayContaining([`cat"${visible}`, `tag<${visible}`, "k8s&co"]));
      expect(feed.texts.get("description")).toContain(visible);
      expect(feed.texts.get("author")).toContain(visible);
    });

    it(`Atom (${name})`, async () => {
      const feed = parse(await atomResponse(buildFeed([post()], scope)).text());
      expect(feed.texts.get("title")).toContain(visible);
      const labels = (feed.attributes.get("category") ?? []).map((attrs) => attrs.label);
      expect(labels).toEqual(expect.arrayContaining([`cat"${visible}`, `tag<${visible}`, "k8s&co"]));
      const terms = (feed.attributes.get("category") ?? []).map((attrs) => attrs.term);
      expect(terms).toContain(`tag<${visible}`);
      expect(feed.texts.get("summary")).toContain(visible);
      expect(feed.texts.get("name")).toContain(visible);
    });
  }

  it("an empty feed parses too", async () => {
    for (const { scope } of scopes) {
      expect(() => parse("")).toThrow();
      parse(await atomResponse(buildFeed([], scope)).text());
      parse(await rssResponse(buildFeed([], scope)).text());
    }
  });
});

describe("xml()", () => {
  it("escapes markup and quotes, and drops what XML 1.0 forbids but keeps CJK, emoji, tabs and newlines", () => {
    expect(xml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(xml("云原生 🚀\t\n\r")).toBe("云原生 🚀\t\n\r");
    expect(xml("\u0000\u0007\u001B\uD800\uFFFF")).toBe("");
  });
});
