/**
 * The search index, per database: SQLite FTS5 (contentless, `unicode61` over pre-tokenised text) or PostgreSQL
 * tsvector under GIN. Both index the same tokens (lib/search/tokenize.ts: CJK bigrams + words), written in the same
 * transaction as the post, and rank with the same field weights; this module is the only place that knows their SQL.
 */
import { z } from "zod";
import type { Db, DbTransaction } from "@/lib/db/client";
import { editDistance, FIELD_WEIGHTS, PHRASE_BONUS, type ParsedQuery, type QueryGroup } from "@/lib/search/query";

type Client = Db | DbTransaction;

export interface SearchDocument {
  title: string;
  tags: string;
  categories: string;
  description: string;
  body: string;
}

export interface RankedId {
  id: string;
  score: number;
}

export interface MatchPage {
  hits: RankedId[];
  total: number;
}

export type MatchMode = "and" | "or";

export interface SearchDialect {
  readonly kind: "sqlite" | "postgresql";
  writeDocument(tx: Client, postId: string, doc: SearchDocument): Promise<void>;
  /** Indexes new posts (none indexed yet) in a few statements: imports and first builds of the files index. */
  insertDocuments(tx: Client, docs: { postId: string; doc: SearchDocument }[]): Promise<void>;
  /** Published posts matching `query`, best first, one page; `alternatives` widens Latin words to typo variants. */
  match(db: Client, query: ParsedQuery, options: MatchOptions): Promise<MatchPage>;
  /** Posts sharing the most of `terms` (an OR query), best first: "more like this". */
  similar(db: Client, terms: string[], excludeId: string, now: Date, limit: number): Promise<RankedId[]>;
  /** Of `terms`, how many posts contain each (for picking a post's distinctive terms); null when not cheap to know. */
  documentFrequencies(db: Client, terms: string[]): Promise<{ total: number; frequency: Map<string, number> } | null>;
  /** Indexed words near `word` (same first letter, within `budget` edits), for a typo-tolerant retry. */
  typoCandidates(db: Client, word: string, budget: number): Promise<string[]>;
}

export interface MatchOptions {
  mode: MatchMode;
  alternatives: Map<string, string[]>;
  now: Date;
  limit: number;
  offset: number;
  /** The admin searches drafts and scheduled posts too. */
  includeUnpublished?: boolean;
}

const hitRow = z.object({ id: z.string(), score: z.coerce.number(), total: z.coerce.number() });
const rankedRow = z.object({ id: z.string(), score: z.coerce.number() });

/** Prisma stores SQLite DateTime as ISO text with an explicit +00:00; comparisons must use the same spelling. */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function quoteFts(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

function quotePg(token: string): string {
  return `'${token.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

function compile(
  query: ParsedQuery,
  mode: MatchMode,
  alternatives: Map<string, string[]>,
  syntax: { quote: (token: string) => string; prefix: string; and: string; or: string },
): string {
  const group = (g: QueryGroup): string => {
    if (!g.cjk) {
      const words = [g.text, ...(alternatives.get(g.text) ?? [])];
      const parts = words.map((word, i) => syntax.quote(word) + (g.prefix && i === 0 ? syntax.prefix : ""));
      return parts.length === 1 ? parts[0] : `(${parts.join(syntax.or)})`;
    }
    const parts = g.tokens.map((token) => syntax.quote(token) + (g.prefix ? syntax.prefix : ""));
    return parts.length === 1 ? parts[0] : `(${parts.join(syntax.and)})`;
  };
  return query.groups.map(group).join(mode === "and" ? syntax.and : syntax.or);
}

const ftsSyntax = { quote: quoteFts, prefix: "*", and: " AND ", or: " OR " };
const pgSyntax = { quote: quotePg, prefix: ":*", and: " & ", or: " | " };

/** Readers see published posts only; the admin's search (`includeUnpublished`) sees every post, deleted ones too. */
function sqliteVisible(alias: string, includeUnpublished: boolean): string {
  return includeUnpublished
    ? "1 = 1"
    : `${alias}."deletedAt" IS NULL AND ${alias}."draft" = 0 AND (${alias}."publishAt" IS NULL OR ${alias}."publishAt" <= ?)`;
}

function pgVisible(alias: string, includeUnpublished: boolean, param: string): string {
  return includeUnpublished
    ? "1 = 1"
    : `${alias}."deletedAt" IS NULL AND ${alias}."draft" = false AND (${alias}."publishAt" IS NULL OR ${alias}."publishAt" <= (${param}::timestamptz AT TIME ZONE 'UTC'))`;
}

const W = FIELD_WEIGHTS;
const FIELD_MATCH_BONUS = { title: 1, tags: 0.5 };

export const sqliteSearch: SearchDialect = {
  kind: "sqlite",

  async writeDocument(tx, postId, doc) {
    const existing = await tx.postSearchDoc.findUnique({ where: { postId }, select: { id: true } });
    const id = existing?.id ?? (await tx.postSearchDoc.create({ data: { postId }, select: { id: true } })).id;
    if (existing) await tx.$executeRawUnsafe(`DELETE FROM "PostSearchFts" WHERE rowid = ?`, id);
    await tx.$executeRawUnsafe(
      `INSERT INTO "PostSearchFts" (rowid, title, tags, categories, description, body) VALUES (?, ?, ?, ?, ?, ?)`,
      id,
      doc.title,
      doc.tags,
      doc.categories,
      doc.description,
      doc.body,
    );
  },

  async insertDocuments(tx, docs) {
    if (docs.length === 0) return;
    const handles = await tx.postSearchDoc.createManyAndReturn({ data: docs.map(({ postId }) => ({ postId })), select: { id: true, postId: true } });
    const idOf = new Map(handles.map((h) => [h.postId, h.id]));
    // 6 parameters a row: well under SQLite's limit for any batch lib/store makes (≤ 200 posts).
    const rows = docs.map(() => "(?, ?, ?, ?, ?, ?)").join(", ");
    const params = docs.flatMap(({ postId, doc }) => [idOf.get(postId), doc.title, doc.tags, doc.categories, doc.description, doc.body]);
    await tx.$executeRawUnsafe(`INSERT INTO "PostSearchFts" (rowid, title, tags, categories, description, body) VALUES ${rows}`, ...params);
  },

  async match(db, query, options) {
    const expression = compile(query, options.mode, options.alternatives, ftsSyntax);
    const inSet = `(h.rid IN (SELECT rowid FROM "PostSearchFts" WHERE "PostSearchFts" MATCH ?))`;
    const phraseChecks = query.phrases.map(() => inSet);
    const phraseBonus = phraseChecks.length > 0 ? `(1 + ${PHRASE_BONUS} * (${phraseChecks.join(" + ")}) / ${phraseChecks.length}.0)` : "1";
    // BM25 normalises each column by its average length, which a sparse column (most posts have few tags) turns
    // against the posts that use it; a match in the title or the tags therefore also counts on its own.
    const bonus = `${phraseBonus} * (1 + ${FIELD_MATCH_BONUS.title} * ${inSet} + ${FIELD_MATCH_BONUS.tags} * ${inSet})`;
    const sql = `
      WITH h AS (
        SELECT "PostSearchFts".rowid AS rid, -bm25("PostSearchFts", ${W.title}, ${W.tags}, ${W.categories}, ${W.description}, ${W.body}) AS base
        FROM "PostSearchFts" WHERE "PostSearchFts" MATCH ?
      )
      SELECT p."id" AS id, h.base * ${bonus} AS score, COUNT(*) OVER () AS total
      FROM h JOIN "PostSearchDoc" d ON d."id" = h.rid JOIN "Post" p ON p."id" = d."postId"
      WHERE ${sqliteVisible("p", options.includeUnpublished === true)}
      ORDER BY score DESC, p."date" DESC, p."slug" ASC
      LIMIT ? OFFSET ?`;
    const params: unknown[] = [
      expression,
      ...query.phrases.map((phrase) => quoteFts(phrase.join(" "))),
      `{title} : (${expression})`,
      `{tags} : (${expression})`,
    ];
    if (!options.includeUnpublished) params.push(sqliteTime(options.now));
    params.push(options.limit, options.offset);
    const rows = z.array(hitRow).parse(await db.$queryRawUnsafe(sql, ...params));
    return { hits: rows.map(({ id, score }) => ({ id, score })), total: rows[0]?.total ?? 0 };
  },

  async similar(db, terms, excludeId, now, limit) {
    if (terms.length === 0) return [];
    const expression = terms.map(quoteFts).join(" OR ");
    const sql = `
      SELECT p."id" AS id, -bm25("PostSearchFts", ${W.title}, ${W.tags}, ${W.categories}, ${W.description}, ${W.body}) AS score
      FROM "PostSearchFts" JOIN "PostSearchDoc" d ON d."id" = "PostSearchFts".rowid JOIN "Post" p ON p."id" = d."postId"
      WHERE "PostSearchFts" MATCH ? AND p."id" <> ? AND ${sqliteVisible("p", false)}
      ORDER BY score DESC LIMIT ?`;
    return z.array(rankedRow).parse(await db.$queryRawUnsafe(sql, expression, excludeId, sqliteTime(now), limit));
  },

  async documentFrequencies(db, terms) {
    if (terms.length === 0) return { total: 0, frequency: new Map() };
    const placeholders = terms.map(() => "?").join(", ");
    const rows = z
      .array(z.object({ term: z.string(), doc: z.coerce.number() }))
      .parse(await db.$queryRawUnsafe(`SELECT term, doc FROM "PostSearchTerms" WHERE term IN (${placeholders})`, ...terms));
    const [{ total }] = z.array(z.object({ total: z.coerce.number() })).parse(await db.$queryRawUnsafe(`SELECT COUNT(*) AS total FROM "PostSearchDoc"`));
    return { total, frequency: new Map(rows.map((row) => [row.term, row.doc])) };
  },

  async typoCandidates(db, word, budget) {
    const first = word[0];
    if (!first) return [];
    // Same first letter, similar length: the vocabulary table is ordered by term, so this is a range scan.
    const upper = String.fromCodePoint((first.codePointAt(0) ?? 0) + 1);
    const rows = z
      .array(z.object({ term: z.string(), doc: z.coerce.number() }))
      .parse(
        await db.$queryRawUnsafe(
          `SELECT term, doc FROM "PostSearchTerms" WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?`,
          first,
          upper,
          word.length - budget,
          word.length + budget,
        ),
      );
    return pickCandidates(word, budget, rows);
  },
};

function pickCandidates(word: string, budget: number, rows: { term: string; doc: number }[]): string[] {
  return rows
    .filter((row) => row.term !== word && /^[\p{L}\p{N}]+$/u.test(row.term) && editDistance(row.term, word, budget) <= budget)
    .sort((a, b) => b.doc - a.doc)
    .slice(0, 5)
    .map((row) => row.term);
}


/** ts_rank's weights are listed D, C, B, A: body, categories+description, tags, title (normalised to at most 1). */
const PG_WEIGHTS = `'{${[W.body, (W.categories + W.description) / 2, W.tags, W.title].map((w) => (w / W.title).toFixed(4)).join(",")}}'`;
/** tsvector holds at most 1 MB and positions up to 16383; the opening of a long body is what ranking reads anyway. */
const PG_MAX_BODY_TOKENS = 60_000;
const PG_HEAD_BODY_TOKENS = 600;

function pgDocumentSql(first: number): string {
  const p = (n: number) => `$${first + n}`;
  return (
    `setweight(to_tsvector('simple', ${p(0)}), 'A') || setweight(to_tsvector('simple', ${p(1)}), 'B') || ` +
    `setweight(to_tsvector('simple', ${p(2)}), 'C') || setweight(to_tsvector('simple', ${p(3)}), 'C') || ` +
    `setweight(to_tsvector('simple', ${p(4)}), 'D')`
  );
}

function truncateTokens(text: string, max: number): string {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) === 32) {
      count += 1;
      if (count >= max) return text.slice(0, i);
    }
  }
  return text;
}

export const postgresSearch: SearchDialect = {
  kind: "postgresql",

  async writeDocument(tx, postId, doc) {
    const existing = await tx.postSearchDoc.findUnique({ where: { postId }, select: { id: true } });
    const id = existing?.id ?? (await tx.postSearchDoc.create({ data: { postId }, select: { id: true } })).id;
    const body = truncateTokens(doc.body, PG_MAX_BODY_TOKENS);
    const head = truncateTokens(doc.body, PG_HEAD_BODY_TOKENS);
    await tx.$executeRawUnsafe(
      `INSERT INTO "PostSearchVector" ("id", "vector", "head") VALUES ($1, ${pgDocumentSql(2)}, ${pgDocumentSql(7)})
       ON CONFLICT ("id") DO UPDATE SET "vector" = EXCLUDED."vector", "head" = EXCLUDED."head"`,
      id,
      doc.title,
      doc.tags,
      doc.categories,
      doc.description,
      body,
      doc.title,
      doc.tags,
      doc.categories,
      doc.description,
      head,
    );
  },

  async insertDocuments(tx, docs) {
    if (docs.length === 0) return;
    const handles = await tx.postSearchDoc.createManyAndReturn({ data: docs.map(({ postId }) => ({ postId })), select: { id: true, postId: true } });
    const idOf = new Map(handles.map((h) => [h.postId, h.id]));
    const params: unknown[] = [];
    const rows = docs.map(({ postId, doc }) => {
      const first = params.length + 1;
      params.push(idOf.get(postId), doc.title, doc.tags, doc.categories, doc.description, truncateTokens(doc.body, PG_MAX_BODY_TOKENS));
      params.push(doc.title, doc.tags, doc.categories, doc.description, truncateTokens(doc.body, PG_HEAD_BODY_TOKENS));
      return `($${first}::int, ${pgDocumentSql(first + 1)}, ${pgDocumentSql(first + 6)})`;
    });
    await tx.$executeRawUnsafe(`INSERT INTO "PostSearchVector" ("id", "vector", "head") VALUES ${rows.join(", ")}`, ...params);
  },

  async match(db, query, options) {
    const expression = compile(query, options.mode, options.alternatives, pgSyntax);
    const params: unknown[] = [expression];
    const phraseChecks = query.phrases.map((phrase) => {
      params.push(phrase.map(quotePg).join(" <-> "));
      return `(v."head" @@ $${params.length}::tsquery)::int`;
    });
    const bonus = phraseChecks.length > 0 ? `(1 + ${PHRASE_BONUS} * (${phraseChecks.join(" + ")})::float / ${phraseChecks.length})` : "1";
    let visible = "1 = 1";
    if (!options.includeUnpublished) {
      params.push(options.now.toISOString());
      visible = pgVisible("p", false, `$${params.length}`);
    }
    params.push(options.limit, options.offset);
    const sql = `
      SELECT p."id" AS id, ts_rank(${PG_WEIGHTS}, v."head", q) * ${bonus} AS score, COUNT(*) OVER () AS total
      FROM "PostSearchVector" v JOIN "PostSearchDoc" d ON d."id" = v."id" JOIN "Post" p ON p."id" = d."postId",
           CAST($1 AS tsquery) AS q
      WHERE v."vector" @@ q AND ${visible}
      ORDER BY score DESC, p."date" DESC, p."slug" ASC
      LIMIT $${params.length - 1} OFFSET $${params.length}`;
    const rows = z.array(hitRow).parse(await db.$queryRawUnsafe(sql, ...params));
    return { hits: rows.map(({ id, score }) => ({ id, score })), total: rows[0]?.total ?? 0 };
  },

  async similar(db, terms, excludeId, now, limit) {
    if (terms.length === 0) return [];
    const sql = `
      SELECT p."id" AS id, ts_rank(${PG_WEIGHTS}, v."head", q) AS score
      FROM "PostSearchVector" v JOIN "PostSearchDoc" d ON d."id" = v."id" JOIN "Post" p ON p."id" = d."postId",
           CAST($1 AS tsquery) AS q
      WHERE v."head" @@ q AND p."id" <> $2 AND ${pgVisible("p", false, "$3")}
      ORDER BY score DESC LIMIT $4`;
    return z.array(rankedRow).parse(await db.$queryRawUnsafe(sql, terms.map(quotePg).join(" | "), excludeId, now.toISOString(), limit));
  },

  // ts_stat reads every vector: too slow per page view. Related posts pick terms by frequency within the post instead.
  async documentFrequencies() {
    return null;
  },

  // PostgreSQL has no vocabulary table without an extension; typo tolerance is SQLite's only.
  async typoCandidates() {
    return [];
  },
};

export function searchDialect(kind: "sqlite" | "postgresql"): SearchDialect {
  return kind === "sqlite" ? sqliteSearch : postgresSearch;
}
