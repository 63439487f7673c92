import "server-only";
import { revalidatePath } from "next/cache";
import { invalidatePosts } from "@/lib/posts";
import { activeStores, forgetDatabaseProbe } from "@/lib/store/active";
import { inputFromPost } from "@/lib/store/post-input";
import { ConflictError, PostNotFoundError, SlugTakenError, StoreUnavailableError, type EditorRef, type PostInput, type PostStore, type RestoreRevisionOptions, type StoredPost } from "@/lib/store/types";

/**
 * Every write editors make goes through here: pick the backend that takes writes now, write, then make readers see it
 * at once (the in-memory post list and every cached page: home, post pages, tag/category pages, feeds, sitemap).
 */
async function refreshReaders(): Promise<void> {
  invalidatePosts();
  revalidatePath("/", "layout");
}

/** Runs a write against the store that takes writes now; a database that dies mid-write is reported, never hidden. */
async function withWriteStore<T>(work: (store: PostStore, fallback: PostStore | null) => Promise<T>): Promise<T> {
  const stores = await activeStores();
  try {
    const result = await work(stores.database ?? stores.files, stores.database ? stores.files : null);
    await refreshReaders();
    return result;
  } catch (error) {
    if (!(error instanceof ConflictError) && stores.database && isConnectionError(error)) {
      forgetDatabaseProbe();
      throw new StoreUnavailableError("The database stopped answering during the save. Nothing was saved; try again.", { cause: error });
    }
    throw error;
  }
}

function isConnectionError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Can't reach database|connect|P1001|P1017|terminat/i.test(text);
}

/**
 * The token a write must name. A post that exists only as a `content/` file becomes a database row on its first write
 * while the database is up: the editor's token is checked against the file, and the write then names the new row's.
 */
async function tokenFor(store: PostStore, fallback: PostStore | null, slug: string, expectedVersion: string, editor: EditorRef): Promise<string> {
  if (await store.get(slug)) return expectedVersion;
  const file = fallback ? await fallback.get(slug) : null;
  if (!file) throw new PostNotFoundError(slug);
  if (file.versionToken !== expectedVersion) throw new ConflictError(file);
  return (await store.create(inputFromPost(file.post), editor)).versionToken;
}

export async function createPost(input: PostInput, editor: EditorRef): Promise<StoredPost> {
  return withWriteStore(async (store, fallback) => {
    // A slug held by a file post counts as taken even when the row would go to the database.
    if (fallback && (await fallback.get(input.slug))) throw new SlugTakenError(input.slug);
    return store.create(input, editor);
  });
}

export async function updatePost(slug: string, input: PostInput, expectedVersion: string, editor: EditorRef): Promise<StoredPost> {
  return withWriteStore(async (store, fallback) => {
    if (input.slug !== slug && fallback && (await fallback.get(input.slug))) throw new SlugTakenError(input.slug);
    return store.update(slug, input, await tokenFor(store, fallback, slug, expectedVersion, editor), editor);
  });
}

export async function setPostDraft(slug: string, draft: boolean, expectedVersion: string, editor: EditorRef): Promise<StoredPost> {
  return withWriteStore(async (store, fallback) =>
    store.setDraft(slug, draft, await tokenFor(store, fallback, slug, expectedVersion, editor), editor),
  );
}

export async function deletePost(slug: string, expectedVersion: string, editor: EditorRef): Promise<void> {
  return withWriteStore(async (store, fallback) =>
    store.remove(slug, await tokenFor(store, fallback, slug, expectedVersion, editor), editor),
  );
}

export async function restorePost(slug: string, editor: EditorRef): Promise<StoredPost> {
  return withWriteStore((store) => store.restore(slug, editor));
}

export async function restorePostRevision(
  slug: string,
  revisionId: string,
  expectedVersion: string,
  editor: EditorRef,
  options: RestoreRevisionOptions = {},
): Promise<StoredPost> {
  return withWriteStore((store) => store.restoreRevision(slug, revisionId, expectedVersion, editor, options));
}
