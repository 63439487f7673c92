import type { Post } from "@/lib/content/types";
import { searchIndexFor } from "@/lib/search/generation";
import { termKey } from "@/lib/search/term-key";
import { normalizeText, tokenize } from "@/lib/search/tokenize";

/** A shared tag says more than a shared category (the corpus has few, broad categories). */
const TAG_WEIGHT = 1;
const CATEGORY_WEIGHT = 0.25;
/** Text similarity, scaled to 0..1, breaks ties between posts sharing as many tags and can outweigh a category. */
const TEXT_WEIGHT = 1;
/** The query text is the post's title, description and the opening of its body: enough to say what it is about. */
const BODY_SAMPLE = 1500;
const MAX_QUERY_TERMS = 25;

/** Terms per post (title, tags, description, opening of the body), and in how many posts each occurs. */
interface TermStats {
  byPost: Map<string, Map<string, number>>;
  documentFrequency: Map<string, number>;
}

const statsByPosts = new WeakMap<readonly Post[], TermStats>();

function termStats(posts: readonly Post[]): TermStats {
  const known = statsByPosts.get(posts);
  if (known) return known;
  const stats: TermStats = { byPost: new Map(), documentFrequency: new Map() };
  for (const post of posts) {
    if (post.draft) continue;
    const counts = new Map<string, number>();
    const text = [post.title, post.tags.join(" "), post.description, post.body.slice(0, BODY_SAMPLE)].join(" ");
    for (const term of tokenize(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    stats.byPost.set(post.slug, counts);
    for (const term of counts.keys()) stats.documentFrequency.set(term, (stats.documentFrequency.get(term) ?? 0) + 1);
  }
  statsByPosts.set(posts, stats);
  return stats;
}

/**
 * The post's most telling terms by tf·idf, as Lucene's MoreLikeThis picks them: all of a post's terms as one OR
 * query would favour long posts full of common words over posts about the same thing.
 */
function distinctiveTerms(posts: readonly Post[], post: Post): string[] {
  const stats = termStats(posts);
  const counts = stats.byPost.get(post.slug);
  if (!counts) return [];
  const total = stats.byPost.size;
  return [...counts]
    .map(([term, tf]) => ({ term, df: stats.documentFrequency.get(term) ?? 1, tf }))
    // A term only this post has cannot point at another; one most posts have points at all of them.
    .filter(({ df }) => df >= 2 && df <= Math.max(2, total * 0.5))
    .map(({ term, df, tf }) => ({ term, weight: tf * Math.log(total / df) }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
    .slice(0, MAX_QUERY_TERMS)
    .map(({ term }) => term);
}

function termKeys(values: readonly string[]): Set<string> {
  return new Set(values.map((value) => normalizeText(value.trim())));
}

function shared(a: Set<string>, b: readonly string[]): number {
  let count = 0;
  for (const key of termKeys(b)) if (a.has(key)) count += 1;
  return count;
}

/**
 * Posts related to `post`: ranked by shared tags (case-insensitive), then shared categories, plus BM25 text
 * similarity from the search index ("more like this": the post's most distinctive terms as an OR query). Never the post itself,
 * never a draft; newest first among equals.
 */
export function relatedPosts(posts: Post[], post: Post, limit = 4): Post[] {
  if (limit <= 0) return [];
  const index = searchIndexFor(posts);
  const tags = termKeys(post.tags);
  const categories = termKeys(post.categories);

  const similarity = new Map<string, number>();
  const terms = distinctiveTerms(posts, post);
  if (terms.length > 0) {
    const found = index.engine.search({ queries: terms, combineWith: "OR" }, { tokenize: (t) => [t], processTerm: termKey });
    const top = found.reduce((max, result) => (String(result.id) === post.slug ? max : Math.max(max, result.score)), 0);
    if (top > 0) for (const result of found) similarity.set(String(result.id), result.score / top);
  }

  return posts
    .filter((candidate) => !candidate.draft && candidate.slug !== post.slug)
    .map((candidate) => ({
      candidate,
      score:
        TAG_WEIGHT * shared(tags, candidate.tags) +
        CATEGORY_WEIGHT * shared(categories, candidate.categories) +
        TEXT_WEIGHT * Math.min(1, similarity.get(candidate.slug) ?? 0),
    }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || b.candidate.date.localeCompare(a.candidate.date))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
