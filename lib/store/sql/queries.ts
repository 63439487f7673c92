/**
 * Every read, as indexed queries against one database (the real one, or the local index of the Markdown files):
 * lists are paginated in SQL, counts are GROUP BY aggregates, search is the full-text index. No query here loads every
 * post, and no list query loads a body. Lists of ids passed to the database are bounded by a page size.
 */
import { z } from "zod";
import { termKey } from "@/lib/content/terms";
import type { Post, PostSummary } from "@/lib/content/types";
import type { Db, PostWhere } from "@/lib/db/client";
import { parseSnapshot } from "@/lib/content/fields";
import { hasMatch, highlight, queryNeedles, snippet } from "@/lib/search/highlight";
import { plainText } from "@/lib/search/plain-text";
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, parseQuery, typoBudget } from "@/lib/search/query";
import { normalizeText, tokenize } from "@/lib/search/tokenize";
import type { SearchResponse } from "@/lib/search/types";
import { fullSelect, postFromRow, storedFromRow, summarySelect, toFullRow, toSummary } from "@/lib/store/sql/rows";
import type { SearchDialect } from "@/lib/store/sql/search-dialect";
import {
  revisionActionSchema,
  type AdminListQuery,
  type AdminPostPage,
  type AdminPostRow,
  type ListQuery,
  type PostPage,
  type PostQueries,
  type PostStatus,
  type Revision,
  type RevisionSummary,
  type TermCount,
  type TermKind,
} from "@/lib/store/types";

const MAX_PAGE = 100_000;
const byName = new Intl.Collator("zh-Hans", { numeric: true, sensitivity: "base" });

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** Readers see a post that is not deleted, not a draft, and not scheduled for later. */
export function visibleWhere(now: Date): PostWhere {
  return { deletedAt: null, draft: false, OR: [{ publishAt: null }, { publishAt: { lte: now } }] };
}

function termFilters(filters: { tags?: string[]; category?: string }): PostWhere[] {
  const tagKeys = [...new Set((filters.tags ?? []).map(termKey).filter((key) => key !== ""))];
  const categoryKey = filters.category ? termKey(filters.category) : "";
  return [
    ...tagKeys.map((key) => ({ tags: { some: { key } } })),
    ...(categoryKey !== "" ? [{ categories: { some: { key: categoryKey } } }] : []),
  ];
}

function sortTerms(terms: TermCount[]): TermCount[] {
  return terms.sort((a, b) => b.count - a.count || byName.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const groupRow = z.object({ key: z.string(), _count: z.object({ _all: z.number() }), _min: z.object({ name: z.string().nullable() }) });

const revisionRowSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  action: revisionActionSchema,
  snapshot: z.string(),
  published: z.boolean(),
  editorEmail: z.string().nullable(),
  createdAt: z.date(),
  resolvedAt: z.date().nullable(),
});

function statusOf(row: { deletedAt: Date | null; draft: boolean; publishAt: Date | null }, now: Date): PostStatus {
  if (row.deletedAt) return "deleted";
  if (row.draft) return "draft";
  return row.publishAt && row.publishAt > now ? "scheduled" : "published";
}

const adminRowSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  date: z.date(),
  author: z.string().nullable(),
  draft: z.boolean(),
  publishAt: z.date().nullable(),
  deletedAt: z.date().nullable(),
  updatedAt: z.date(),
  version: z.number().int(),
  fileHash: z.string().nullable(),
  ownerId: z.string().nullable(),
  tags: z.array(z.object({ name: z.string() })),
  categories: z.array(z.object({ name: z.string() })),
});

export interface SqlQueriesOptions {
  /** The clock, for scheduled posts (tests move it). */
  now?: () => Date;
  /**
   * What a write must name: the row's version (database), or the sha256 of the post's file (files, where the file
   * is the truth and may change outside Digest).
   */
  versionToken?: "version" | "fileHash";
}

export function createSqlQueries(db: Db, dialect: SearchDialect, options: SqlQueriesOptions = {}): PostQueries {
  const now = options.now ?? (() => new Date());
  const tokenOf = (row: { version: number; fileHash: string | null }) =>
    options.versionToken === "fileHash" ? (row.fileHash ?? "") : String(row.version);

  async function summariesByIds(ids: string[]): Promise<Map<string, PostSummary>> {
    if (ids.length === 0) return new Map();
    const rows = await db.post.findMany({ where: { id: { in: ids } }, select: summarySelect });
    return new Map(rows.map((row) => [row.id, toSummary(row)]));
  }

  async function groupTerms(kind: TermKind, where: PostWhere): Promise<TermCount[]> {
    const rows =
      kind === "tags"
        ? await db.postTag.groupBy({ by: ["key"], where: { post: where }, _count: { _all: true }, _min: { name: true } })
        : await db.postCategory.groupBy({ by: ["key"], where: { post: where }, _count: { _all: true }, _min: { name: true } });
    return sortTerms(
      z
        .array(groupRow)
        .parse(rows)
        .map((row) => ({ name: row._min.name ?? row.key, key: row.key, count: row._count._all })),
    );
  }

  async function search(rawQuery: string, opts: { page?: number; perPage?: number; includeUnpublished?: boolean } = {}): Promise<SearchResponse> {
    const query = parseQuery(rawQuery);
    const perPage = clampInt(opts.perPage, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
    const empty: SearchResponse = { query: query.text, total: 0, page: 1, pageCount: 0, perPage, results: [] };
    if (query.groups.length === 0) return empty;
    const wanted = clampInt(opts.page, 1, 1, 10_000);
    const at = now();
    const run = async (mode: "and" | "or", alternatives: Map<string, string[]>, page: number) =>
      dialect.match(db, query, { mode, alternatives, now: at, limit: perPage, offset: (page - 1) * perPage, includeUnpublished: opts.includeUnpublished });

    // Every word must match; if nothing does, the same with typo tolerance for long Latin words; then any word may.
    const attempts: { mode: "and" | "or"; alternatives: () => Promise<Map<string, string[]>> }[] = [
      { mode: "and", alternatives: async () => new Map() },
      { mode: "and", alternatives: () => typoAlternatives(query.groups.filter((g) => !g.cjk).map((g) => g.text)) },
      ...(query.groups.length > 1 ? [{ mode: "or" as const, alternatives: () => typoAlternatives(query.groups.filter((g) => !g.cjk).map((g) => g.text)) }] : []),
    ];
    let found = { hits: [] as { id: string; score: number }[], total: 0 };
    let page = wanted;
    for (const attempt of attempts) {
      const alternatives = await attempt.alternatives();
      if (attempt !== attempts[0] && alternatives.size === 0 && attempt.mode === "and") continue;
      found = await run(attempt.mode, alternatives, page);
      if (found.hits.length === 0 && page > 1) {
        // Past the last page (the total comes with the rows, so there is none): show the last one.
        const first = await run(attempt.mode, alternatives, 1);
        page = Math.max(1, Math.ceil(first.total / perPage));
        found = page === 1 ? first : await run(attempt.mode, alternatives, page);
      }
      if (found.total > 0) break;
    }
    if (found.total === 0) return empty;

    const ids = found.hits.map((hit) => hit.id);
    const [summaries, bodies] = await Promise.all([
      summariesByIds(ids),
      db.post.findMany({ where: { id: { in: ids } }, select: { id: true, body: true } }),
    ]);
    const bodyById = new Map(bodies.map((row) => [row.id, row.body]));
    const needles = queryNeedles(query.text);
    const results = found.hits.flatMap(({ id, score }) => {
      const post = summaries.get(id);
      if (!post) return [];
      const body = snippet(plainText(bodyById.get(id) ?? ""), needles);
      return [
        {
          post,
          score,
          title: highlight(post.title, needles),
          snippet: hasMatch(body) || post.description === "" ? body : snippet(post.description, needles),
        },
      ];
    });
    return { query: query.text, total: found.total, page, pageCount: Math.ceil(found.total / perPage), perPage, results };
  }

  async function typoAlternatives(words: string[]): Promise<Map<string, string[]>> {
    const alternatives = new Map<string, string[]>();
    for (const word of words) {
      const budget = typoBudget(word);
      if (budget === 0) continue;
      const candidates = await dialect.typoCandidates(db, word, budget);
      if (candidates.length > 0) alternatives.set(word, candidates);
    }
    return alternatives;
  }

  return {
    async listPosts(query: ListQuery): Promise<PostPage> {
      const perPage = clampInt(query.perPage, DEFAULT_PER_PAGE, 1, 100);
      const where = { AND: [visibleWhere(now()), ...termFilters(query)] };
      const total = await db.post.count({ where });
      const pageCount = Math.max(1, Math.ceil(total / perPage));
      const page = clampInt(query.page, 1, 1, Math.min(pageCount, MAX_PAGE));
      const rows = await db.post.findMany({
        where,
        select: summarySelect,
        orderBy: [{ date: "desc" }, { slug: "asc" }],
        skip: (page - 1) * perPage,
        take: perPage,
      });
      return { posts: rows.map(toSummary), page, pageCount, total };
    },

    async facets(filters) {
      const at = now();
      const byTags = { AND: [visibleWhere(at), ...termFilters({ tags: filters.tags })] };
      const byAll = { AND: [visibleWhere(at), ...termFilters(filters)] };
      const [tags, categories] = await Promise.all([groupTerms("tags", byAll), groupTerms("categories", byTags)]);
      return { tags, categories };
    },

    terms(kind) {
      return groupTerms(kind, visibleWhere(now()));
    },

    async findTerm(kind, name) {
      const key = termKey(name);
      if (key === "") return null;
      const where = { key, post: visibleWhere(now()) };
      const args = { where, orderBy: [{ post: { date: "asc" as const } }], select: { name: true } };
      const [first, count] =
        kind === "tags"
          ? await Promise.all([db.postTag.findFirst(args), db.postTag.count({ where })])
          : await Promise.all([db.postCategory.findFirst(args), db.postCategory.count({ where })]);
      return first && count > 0 ? { name: first.name, key, count } : null;
    },

    async getPublished(slug): Promise<Post | null> {
      const row = await db.post.findFirst({ where: { slug, ...visibleWhere(now()) }, select: fullSelect });
      return row ? postFromRow(toFullRow(row)) : null;
    },

    async neighbours(post) {
      const at = now();
      const date = new Date(post.date);
      const [previous, next] = await Promise.all([
        db.post.findFirst({
          where: { AND: [visibleWhere(at), { OR: [{ date: { lt: date } }, { date, slug: { gt: post.slug } }] }] },
          orderBy: [{ date: "desc" }, { slug: "asc" }],
          select: summarySelect,
        }),
        db.post.findFirst({
          where: { AND: [visibleWhere(at), { OR: [{ date: { gt: date } }, { date, slug: { lt: post.slug } }] }] },
          orderBy: [{ date: "asc" }, { slug: "desc" }],
          select: summarySelect,
        }),
      ]);
      return { previous: previous ? toSummary(previous) : null, next: next ? toSummary(next) : null };
    },

    async related(post, limit) {
      if (limit <= 0 || post.origin.kind !== "database") return [];
      const id = post.origin.id;
      const at = now();
      const tagKeys = post.tags.map(termKey);
      const categoryKeys = post.categories.map(termKey);
      const terms = await distinctiveTerms(post);
      const [sharedTags, sharedCategories, similar] = await Promise.all([
        tagKeys.length === 0
          ? []
          : db.postTag.groupBy({
              by: ["postId"],
              where: { key: { in: tagKeys }, postId: { not: id }, post: visibleWhere(at) },
              _count: { _all: true },
              orderBy: { _count: { postId: "desc" } },
              take: 50,
            }),
        categoryKeys.length === 0
          ? []
          : db.postCategory.groupBy({
              by: ["postId"],
              where: { key: { in: categoryKeys }, postId: { not: id }, post: visibleWhere(at) },
              _count: { _all: true },
              orderBy: { _count: { postId: "desc" } },
              take: 50,
            }),
        dialect.similar(db, terms, id, at, 20),
      ]);
      const top = similar.reduce((max, hit) => Math.max(max, hit.score), 0);
      const score = new Map<string, number>();
      const add = (postId: string, value: number) => score.set(postId, (score.get(postId) ?? 0) + value);
      for (const row of sharedTags) add(row.postId, row._count._all);
      for (const row of sharedCategories) add(row.postId, 0.25 * row._count._all);
      if (top > 0) for (const hit of similar) add(hit.id, Math.min(1, hit.score / top));
      // Only candidates with a real score: a shared category alone is weak but counts; nothing shared is not related.
      const candidates = [...score.entries()].filter(([, value]) => value > 0);
      const summaries = await summariesByIds(candidates.map(([candidate]) => candidate));
      return candidates
        .flatMap(([candidate, value]) => {
          const summary = summaries.get(candidate);
          return summary ? [{ summary, value }] : [];
        })
        .sort((a, b) => b.value - a.value || b.summary.date.localeCompare(a.summary.date))
        .slice(0, limit)
        .map(({ summary }) => summary);
    },

    async latest(limit, term) {
      const where = {
        AND: [
          visibleWhere(now()),
          ...(term ? [term.kind === "tags" ? { tags: { some: { key: term.key } } } : { categories: { some: { key: term.key } } }] : []),
        ],
      };
      const rows = await db.post.findMany({ where, select: summarySelect, orderBy: [{ date: "desc" }, { slug: "asc" }], take: clampInt(limit, 20, 1, 100) });
      return rows.map(toSummary);
    },

    async sitemapPage(after, limit) {
      const rows = await db.post.findMany({
        where: { ...visibleWhere(now()), ...(after !== null ? { slug: { gt: after } } : {}) },
        select: { slug: true, updatedAt: true, date: true },
        orderBy: { slug: "asc" },
        take: clampInt(limit, 1000, 1, 50_000),
      });
      return rows.map((row) => ({ slug: row.slug, updatedAt: (row.updatedAt > row.date ? row.updatedAt : row.date).toISOString() }));
    },

    countPublished() {
      return db.post.count({ where: visibleWhere(now()) });
    },

    search: (q, opts) => search(q, opts),

    async resolveRedirect(slug) {
      // Renames rewrite older redirects, so one hop is the rule; a few more guard against rows written otherwise.
      let current = slug;
      for (let hop = 0; hop < 5; hop += 1) {
        const redirect = await db.slugRedirect.findUnique({ where: { fromSlug: current } });
        if (!redirect || redirect.toSlug === slug) break;
        current = redirect.toSlug;
      }
      if (current === slug) return null;
      const target = await db.post.findFirst({ where: { slug: current, ...visibleWhere(now()) }, select: { slug: true } });
      return target?.slug ?? null;
    },

    async nextScheduled(from) {
      const row = await db.post.findFirst({
        where: { deletedAt: null, draft: false, publishAt: { gt: from } },
        orderBy: { publishAt: "asc" },
        select: { slug: true, publishAt: true },
      });
      return row?.publishAt ? { slug: row.slug, publishAt: row.publishAt.toISOString() } : null;
    },

    async getStored(slug) {
      const row = await db.post.findUnique({ where: { slug }, select: fullSelect });
      if (!row) return null;
      const full = toFullRow(row);
      return { ...storedFromRow(full), versionToken: tokenOf(full.meta) };
    },

    async listAdmin(query: AdminListQuery): Promise<AdminPostPage> {
      const at = now();
      const perPage = clampInt(query.perPage, 25, 1, 100);
      const statusWhere: PostWhere =
        query.status === "deleted"
          ? { deletedAt: { not: null } }
          : query.status === "draft"
            ? { deletedAt: null, draft: true }
            : query.status === "scheduled"
              ? { deletedAt: null, draft: false, publishAt: { gt: at } }
              : query.status === "published"
                ? visibleWhere(at)
                : {};
      const and: PostWhere[] = [statusWhere, ...termFilters({ tags: query.tag ? [query.tag] : [], category: query.category })];
      if (query.author) and.push({ author: query.author });
      if (query.ownerId) and.push({ ownerId: query.ownerId });
      const q = query.q?.trim() ?? "";
      let searchIds: string[] | null = null;
      if (q !== "") {
        // The same search readers use, drafts included; bounded so the id list stays a page-sized parameter list.
        const hits = await dialect.match(db, parseQuery(q), { mode: "and", alternatives: new Map(), now: at, limit: 500, offset: 0, includeUnpublished: true });
        searchIds = hits.hits.map((hit) => hit.id);
        const slugMatch = await db.post.findMany({ where: { slug: { contains: q.toLowerCase() } }, select: { id: true }, take: 50 });
        searchIds.push(...slugMatch.map((row) => row.id));
        and.push({ id: { in: [...new Set(searchIds)] } });
      }
      const where = { AND: and };
      const direction = query.direction ?? (query.sort === "title" ? "asc" : "desc");
      const orderBy =
        query.sort === "title"
          ? [{ title: direction }, { slug: "asc" as const }]
          : query.sort === "updated"
            ? [{ updatedAt: direction }, { slug: "asc" as const }]
            : [{ date: direction }, { slug: "asc" as const }];
      const total = await db.post.count({ where });
      const pageCount = Math.max(1, Math.ceil(total / perPage));
      const page = clampInt(query.page, 1, 1, pageCount);
      const raw = await db.post.findMany({
        where,
        orderBy,
        skip: (page - 1) * perPage,
        take: perPage,
        select: {
          id: true,
          slug: true,
          title: true,
          date: true,
          author: true,
          draft: true,
          publishAt: true,
          deletedAt: true,
          updatedAt: true,
          version: true,
          fileHash: true,
          ownerId: true,
          tags: { select: { name: true }, orderBy: { position: "asc" } },
          categories: { select: { name: true }, orderBy: { position: "asc" } },
        },
      });
      const rows = z.array(adminRowSchema).parse(raw);
      const conflictCounts = rows.length === 0
        ? []
        : await db.revision.groupBy({ by: ["postId"], where: { postId: { in: rows.map((row) => row.id) }, action: "conflict", resolvedAt: null }, _count: { _all: true } });
      const conflicts = new Map(conflictCounts.map((row) => [row.postId, row._count._all]));
      return {
        rows: rows.map(
          (row): AdminPostRow => ({
            slug: row.slug,
            title: row.title,
            date: row.date.toISOString(),
            author: row.author,
            tags: row.tags.map((t) => t.name),
            categories: row.categories.map((c) => c.name),
            status: statusOf(row, at),
            publishAt: row.publishAt?.toISOString() ?? null,
            updatedAt: row.updatedAt.toISOString(),
            versionToken: tokenOf(row),
            conflicts: conflicts.get(row.id) ?? 0,
            ownerId: row.ownerId,
          }),
        ),
        page,
        pageCount,
        total,
      };
    },

    async termNames() {
      const [tags, categories] = await Promise.all([
        db.postTag.groupBy({ by: ["key"], _min: { name: true }, _count: { _all: true }, orderBy: { _count: { key: "desc" } }, take: 500 }),
        db.postCategory.groupBy({ by: ["key"], _min: { name: true }, _count: { _all: true }, orderBy: { _count: { key: "desc" } }, take: 500 }),
      ]);
      const names = (rows: { key: string; _min: { name: string | null } }[]) =>
        rows.map((row) => row._min.name ?? row.key).sort((a, b) => byName.compare(a, b));
      return { tags: names(tags), categories: names(categories) };
    },

    async postsMentioning(text, limit) {
      return db.post.findMany({
        where: { deletedAt: null, body: { contains: text } },
        orderBy: [{ date: "desc" }, { slug: "asc" }],
        take: clampInt(limit, 5, 1, 50),
        select: { slug: true, title: true },
      });
    },

    async listRevisions(slug): Promise<RevisionSummary[]> {
      const post = await db.post.findUnique({ where: { slug }, select: { id: true } });
      if (!post) return [];
      const rows = await db.revision.findMany({ where: { postId: post.id }, orderBy: [{ createdAt: "desc" }, { version: "desc" }], take: 500 });
      return rows.map((raw) => {
        const row = revisionRowSchema.parse(raw);
        return {
          id: row.id,
          slug: parseSnapshot(row.snapshot).slug,
          version: row.version,
          action: row.action,
          editor: row.editorEmail,
          createdAt: row.createdAt.toISOString(),
          published: row.published,
          resolvedAt: row.resolvedAt?.toISOString() ?? null,
        };
      });
    },

    async getRevision(id): Promise<Revision | null> {
      const raw = await db.revision.findUnique({ where: { id } });
      if (!raw) return null;
      const row = revisionRowSchema.parse(raw);
      const snapshot = parseSnapshot(row.snapshot);
      return {
        id: row.id,
        slug: snapshot.slug,
        version: row.version,
        action: row.action,
        editor: row.editorEmail,
        createdAt: row.createdAt.toISOString(),
        published: row.published,
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
        snapshot,
      };
    },
  };

  /**
   * The post's most telling terms by tf·idf (as Lucene's MoreLikeThis picks them): all of a post's terms as one OR
   * query would favour long posts full of common words over posts about the same thing.
   */
  async function distinctiveTerms(post: Post): Promise<string[]> {
    const text = [post.title, post.tags.join(" "), post.description, post.body.slice(0, 1500)].join(" ");
    const counts = new Map<string, number>();
    for (const term of tokenize(normalizeText(text))) counts.set(term, (counts.get(term) ?? 0) + 1);
    const candidates = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 200);
    const stats = await dialect.documentFrequencies(db, candidates.map(([term]) => term));
    if (!stats) return candidates.filter(([term]) => term.length >= 2).slice(0, 25).map(([term]) => term);
    const total = Math.max(1, stats.total);
    return candidates
      .map(([term, tf]) => ({ term, tf, df: stats.frequency.get(term) ?? 1 }))
      // A term only this post has cannot point at another; one most posts have points at all of them.
      .filter(({ df }) => df >= 2 && df <= Math.max(2, total * 0.5))
      .map(({ term, tf, df }) => ({ term, weight: tf * Math.log(total / df) }))
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
      .slice(0, 25)
      .map(({ term }) => term);
  }
}
