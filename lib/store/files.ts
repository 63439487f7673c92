import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, unlink, utimes } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { parsePostSource } from "@/lib/content/front-matter";
import { loadPostDirectory } from "@/lib/content/load";
import { serializePostFile } from "@/lib/content/serialize";
import type { Post } from "@/lib/content/types";
import { writeFileAtomic } from "@/lib/store/atomic-write";
import { withLock } from "@/lib/store/mutex";
import { postInputSchema } from "@/lib/store/post-input-schema";
import { inputFromPost, postFromInput } from "@/lib/store/post-input";
import {
  ConflictError,
  PostNotFoundError,
  SlugTakenError,
  StoreUnavailableError,
  type EditorRef,
  type PostInput,
  type PostStore,
  type Revision,
  type RevisionAction,
  type RevisionSummary,
  type StoredPost,
  updateAction,
} from "@/lib/store/types";

/**
 * The Markdown backend: `content/*.md|mdx` are the posts. Used when no database is configured, and as the fallback
 * that takes saves while a configured database is unreachable. Deleted posts move to `content/.trash/` (restorable);
 * revisions are JSON snapshots under the data folder (never in content/, which is committed); a renamed slug keeps
 * its old URL through Hugo-style `aliases` in the front matter.
 */
const TRASH = ".trash";
const ALIASES = "aliases";

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

const aliasesSchema = z.array(z.string()).catch([]);

function aliasesOf(post: Post): string[] {
  return aliasesSchema.parse(post.extra[ALIASES] ?? []);
}

const revisionFileSchema = z.object({
  id: z.string(),
  slug: z.string(),
  version: z.number().int(),
  action: z.enum(["create", "update", "publish", "unpublish", "delete", "restore", "revert", "import"]),
  editor: z.string().nullable(),
  createdAt: z.string(),
  snapshot: postInputSchema,
});

export interface FileStoreOptions {
  /** The content folder (CONTENT_DIR). */
  dir: string;
  /** Where revision snapshots go (git-ignored data folder). */
  revisionsDir: string;
}

interface Located {
  file: string;
  raw: string;
  post: Post;
  deletedAt: string | null;
}

export function createFileStore(options: FileStoreOptions): PostStore {
  const { dir, revisionsDir } = options;
  const trashDir = path.join(dir, TRASH);
  const lockKey = `files:${dir}`;

  function stored(located: Located): StoredPost {
    return { post: located.post, versionToken: sha256(located.raw), deletedAt: located.deletedAt };
  }

  async function readLocated(file: string, deletedAt: string | null): Promise<Located | null> {
    const raw = await readFile(file, "utf8");
    const parsed = parsePostSource(file, raw);
    return parsed.ok ? { file, raw, post: parsed.post, deletedAt } : null;
  }

  async function listTrash(): Promise<Located[]> {
    let names: string[];
    try {
      names = await readdir(trashDir);
    } catch {
      return [];
    }
    const found: Located[] = [];
    for (const name of names.filter((n) => /\.(md|mdx|markdown)$/i.test(n))) {
      const file = path.join(trashDir, name);
      const deletedAt = (await stat(file)).mtime.toISOString();
      const located = await readLocated(file, deletedAt).catch(() => null);
      if (located) found.push(located);
    }
    return found;
  }

  async function listLive(): Promise<Located[]> {
    const { posts, sources } = await loadPostDirectory(dir, { warn: () => undefined }).catch((error: unknown) => {
      throw new StoreUnavailableError(`The content folder ${dir} cannot be read.`, { cause: error });
    });
    const located: Located[] = [];
    for (const post of posts) {
      if (post.origin.kind !== "file") continue;
      // The version token hashes exactly the bytes the post was parsed from.
      const raw = sources.get(post.origin.path);
      if (raw !== undefined) located.push({ file: post.origin.path, raw, post, deletedAt: null });
    }
    return located;
  }

  async function find(slug: string): Promise<Located | null> {
    const live = (await listLive()).find((l) => l.post.slug === slug);
    if (live) return live;
    return (await listTrash()).find((l) => l.post.slug === slug) ?? null;
  }

  function fileNameFor(input: PostInput): string {
    return `${dayOf(input.date)}-${input.slug}.${input.format}`;
  }

  async function write(input: PostInput, file: string, updatedAt: string): Promise<Located> {
    const post = postFromInput(input, { kind: "file", path: file }, updatedAt);
    const raw = serializePostFile(post);
    try {
      await writeFileAtomic(file, raw);
    } catch (error) {
      throw new StoreUnavailableError(`Could not write ${path.basename(file)}: ${(error as Error).message}`, { cause: error });
    }
    return { file, raw, post, deletedAt: null };
  }

  function revisionFolder(slug: string): string {
    return path.join(revisionsDir, encodeURIComponent(slug));
  }

  async function recordRevision(input: PostInput, action: RevisionAction, editor: EditorRef | null): Promise<void> {
    const folder = revisionFolder(input.slug);
    await mkdir(folder, { recursive: true });
    // File names start with the zero-padded version; the highest one (not the count) survives merged folders.
    const versions = (await readdir(folder)).filter((n) => n.endsWith(".json")).map((n) => Number.parseInt(n, 10) || 0);
    const version = Math.max(0, ...versions) + 1;
    const revision: Revision = {
      id: `file-${randomUUID()}`,
      slug: input.slug,
      version,
      action,
      editor: editor?.email ?? null,
      createdAt: new Date().toISOString(),
      snapshot: input,
    };
    await writeFileAtomic(path.join(folder, `${String(version).padStart(6, "0")}-${revision.id}.json`), JSON.stringify(revision));
  }

  /** A renamed post keeps its history, as the database's revisions stay with the row whatever its slug. */
  async function moveRevisions(from: string, to: string): Promise<void> {
    const source = revisionFolder(from);
    const target = revisionFolder(to);
    let names: string[];
    try {
      names = await readdir(source);
    } catch {
      return;
    }
    await mkdir(target, { recursive: true });
    for (const name of names) await rename(path.join(source, name), path.join(target, name));
    await rm(source, { recursive: true, force: true });
  }

  async function readRevisions(slug: string): Promise<Revision[]> {
    const folder = revisionFolder(slug);
    let names: string[];
    try {
      names = (await readdir(folder)).filter((n) => n.endsWith(".json"));
    } catch {
      return [];
    }
    const revisions: Revision[] = [];
    for (const name of names) {
      const parsed = revisionFileSchema.safeParse(JSON.parse(await readFile(path.join(folder, name), "utf8")));
      if (parsed.success) revisions.push(parsed.data);
    }
    return revisions.sort((a, b) => b.version - a.version);
  }

  async function slugInUse(slug: string, except: string | null): Promise<boolean> {
    const all = [...(await listLive()), ...(await listTrash())];
    return all.some((l) => l.post.slug === slug && l.file !== except);
  }

  /** Check the token, then write, all under the lock so two saves cannot both pass. */
  async function change(
    slug: string,
    expectedVersion: string | null,
    editor: EditorRef,
    action: RevisionAction,
    next: (current: Located) => PostInput,
  ): Promise<StoredPost> {
    // The action names what the write did to readers (lib/store/types.ts updateAction).
    return withLock(lockKey, async () => {
      const current = await find(slug);
      // A deleted post is restored first, never edited in the trash (the database store refuses the same way).
      if (!current || current.deletedAt !== null) throw new PostNotFoundError(slug);
      if (expectedVersion !== null && sha256(current.raw) !== expectedVersion) throw new ConflictError(stored(current));
      const input = next(current);
      if (input.slug !== slug && (await slugInUse(input.slug, current.file))) throw new SlugTakenError(input.slug);
      const keepName = input.slug === current.post.slug && input.format === current.post.format;
      const target = keepName ? current.file : path.join(dir, fileNameFor(input));
      if (!keepName && target !== current.file && (await exists(target))) throw new SlugTakenError(input.slug);
      const written = await write(input, target, new Date().toISOString());
      if (target !== current.file) await unlink(current.file).catch(() => undefined);
      if (input.slug !== slug) await moveRevisions(slug, input.slug);
      await recordRevision(input, updateAction(current.post.draft, input.draft, action), editor);
      return stored(written);
    });
  }

  return {
    kind: "files",

    async listAll() {
      const [live, trash] = await Promise.all([listLive(), listTrash()]);
      const liveSlugs = new Set(live.map((l) => l.post.slug));
      return [...live, ...trash.filter((t) => !liveSlugs.has(t.post.slug))].map(stored);
    },

    async get(slug) {
      const located = await find(slug);
      return located ? stored(located) : null;
    },

    async create(input, editor) {
      return withLock(lockKey, async () => {
        if (await slugInUse(input.slug, null)) throw new SlugTakenError(input.slug);
        const file = path.join(dir, fileNameFor(input));
        if (await exists(file)) throw new SlugTakenError(input.slug);
        const written = await write(input, file, new Date().toISOString());
        await recordRevision(input, "create", editor);
        return stored(written);
      });
    },

    async update(slug, input, expectedVersion, editor) {
      return change(slug, expectedVersion, editor, "update", (current) => {
        if (input.slug === slug) return input;
        // The old URL keeps working: Hugo-style aliases, read back by resolveRedirect.
        const aliases = new Set([...aliasesOf(current.post), `/posts/${slug}`]);
        aliases.delete(`/posts/${input.slug}`);
        return { ...input, extra: { ...input.extra, [ALIASES]: [...aliases] } };
      });
    },

    async setDraft(slug, draft, expectedVersion, editor) {
      return change(slug, expectedVersion, editor, draft ? "unpublish" : "publish", (current) => ({
        ...inputFromPost(current.post),
        draft,
      }));
    },

    async remove(slug, expectedVersion, editor) {
      await withLock(lockKey, async () => {
        const current = (await listLive()).find((l) => l.post.slug === slug);
        if (!current) throw new PostNotFoundError(slug);
        if (sha256(current.raw) !== expectedVersion) throw new ConflictError(stored(current));
        await mkdir(trashDir, { recursive: true });
        const trashed = path.join(trashDir, path.basename(current.file));
        await rename(current.file, trashed);
        // The trash file's time is the deletion time (rename keeps the old one); the merge with the database reads it.
        const now = new Date();
        await utimes(trashed, now, now);
        await recordRevision(inputFromPost(current.post), "delete", editor);
      });
    },

    async restore(slug, editor) {
      return withLock(lockKey, async () => {
        const trashed = (await listTrash()).find((l) => l.post.slug === slug);
        if (!trashed) throw new PostNotFoundError(slug);
        if ((await listLive()).some((l) => l.post.slug === slug)) throw new SlugTakenError(slug);
        const target = path.join(dir, path.basename(trashed.file));
        if (await exists(target)) throw new SlugTakenError(slug);
        await rename(trashed.file, target);
        await recordRevision(inputFromPost(trashed.post), "restore", editor);
        const post: Post = { ...trashed.post, origin: { kind: "file", path: target } };
        return stored({ ...trashed, file: target, post, deletedAt: null });
      });
    },

    async listRevisions(slug): Promise<RevisionSummary[]> {
      return (await readRevisions(slug)).map(({ snapshot: _snapshot, ...summary }) => summary);
    },

    async getRevision(id) {
      let folders: string[];
      try {
        folders = await readdir(revisionsDir);
      } catch {
        return null;
      }
      for (const folder of folders) {
        const match = (await readRevisions(decodeURIComponent(folder))).find((r) => r.id === id);
        if (match) return match;
      }
      return null;
    },

    async restoreRevision(slug, revisionId, expectedVersion, editor, options = {}) {
      // Only this post's own history (kept under its current slug, renames included) can be restored onto it.
      const revision = (await readRevisions(slug)).find((r) => r.id === revisionId);
      if (!revision) throw new PostNotFoundError(slug);
      return change(slug, expectedVersion, editor, "revert", () => ({ ...revision.snapshot, slug, draft: options.draft ?? revision.snapshot.draft }));
    },

    async resolveRedirect(slug) {
      const wanted = `/posts/${slug}`;
      const live = await listLive();
      if (live.some((l) => l.post.slug === slug)) return null;
      return live.find((l) => aliasesOf(l.post).includes(wanted))?.post.slug ?? null;
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
