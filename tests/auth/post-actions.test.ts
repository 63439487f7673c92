/**
 * The admin's post actions (app/admin/actions.ts) under each role: what reaches lib/posts/write and what is refused.
 * The session, the post lookups and the writes are stand-ins; the policies and lib/auth/permissions.ts are real.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EditablePost, RevisionDetail } from "@/lib/admin/types";
import type { SessionEditor } from "@/lib/auth/types";
import { samplePostInput } from "@/lib/store/testing";
import type { StoredPost } from "@/lib/store/types";

vi.mock("@/lib/auth/session", () => ({ getSessionEditor: vi.fn() }));
vi.mock("@/lib/admin/queries", () => ({ getEditablePost: vi.fn(), getPostRevision: vi.fn() }));
vi.mock("@/lib/posts/write", () => ({
  createPost: vi.fn(),
  updatePost: vi.fn(),
  setPostDraft: vi.fn(),
  deletePost: vi.fn(),
  restorePost: vi.fn(),
  restorePostRevision: vi.fn(),
}));

const { getSessionEditor } = await import("@/lib/auth/session");
const queries = await import("@/lib/admin/queries");
const write = await import("@/lib/posts/write");
const actions = await import("@/app/admin/actions");

const author: SessionEditor = { id: "u-author", email: "au@example.com", name: "Au", role: "author" };
const editor: SessionEditor = { id: "u-editor", email: "ed@example.com", name: "Ed", role: "editor" };

function editable(slug: string, ownerId: string | null, status: EditablePost["status"]): EditablePost {
  return { input: samplePostInput({ slug, draft: status !== "published" }), versionToken: "3", status, source: "database", updatedAt: null, ownerId };
}

const posts = new Map<string, EditablePost>([
  ["own-draft", editable("own-draft", author.id, "draft")],
  ["own-live", editable("own-live", author.id, "published")],
  ["their-draft", editable("their-draft", "u-other", "draft")],
  ["their-live", editable("their-live", "u-other", "published")],
  ["file-post", editable("file-post", null, "published")],
  ["own-deleted", editable("own-deleted", author.id, "deleted")],
]);

function stored(slug: string, draft: boolean): StoredPost {
  return { post: { ...samplePostInput({ slug, draft }), description: "", readingMinutes: 1, origin: { kind: "database", id: "p", version: 4 }, updatedAt: null }, versionToken: "4", deletedAt: null, ownerId: null };
}

/** The form as a browser posts it (FormData-like strings; an unticked box is absent). */
function form(overrides: Record<string, unknown> = {}): FormData {
  const fields: Record<string, unknown> = {
    originalSlug: "",
    versionToken: "",
    title: "标题",
    slug: "new-post",
    date: "2026-12-01",
    author: "",
    source: "",
    description: "",
    tags: "",
    categories: "",
    format: "md",
    draft: "on",
    body: "正文",
    ...overrides,
  };
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) data.append(key, String(value));
  return data;
}

beforeEach(() => {
  vi.mocked(getSessionEditor).mockReset();
  vi.mocked(queries.getEditablePost).mockImplementation(async (slug: string) => posts.get(slug) ?? null);
  vi.mocked(queries.getPostRevision).mockReset();
  for (const fn of Object.values(write)) vi.mocked(fn).mockReset();
  vi.mocked(write.createPost).mockImplementation(async (input) => stored(input.slug, input.draft));
  vi.mocked(write.updatePost).mockImplementation(async (_slug, input) => stored(input.slug, input.draft));
  vi.mocked(write.setPostDraft).mockImplementation(async (slug, draft) => stored(slug, draft));
  vi.mocked(write.restorePost).mockImplementation(async (slug) => stored(slug, true));
  vi.mocked(write.restorePostRevision).mockImplementation(async (slug) => stored(slug, true));
});

const as = (who: SessionEditor) => vi.mocked(getSessionEditor).mockResolvedValue(who);
const ref = (slug: string) => ({ slug, versionToken: "3" });
const forbidden = { ok: false, error: "forbidden" };

describe("an author", () => {
  beforeEach(() => as(author));

  it("creates drafts, and saves and deletes their own drafts", async () => {
    expect(await actions.savePost(undefined, form())).toMatchObject({ ok: true });
    expect(write.createPost).toHaveBeenCalledWith(expect.objectContaining({ slug: "new-post", draft: true }), { id: author.id, email: author.email });
    expect(await actions.savePost(undefined, form({ originalSlug: "own-draft", slug: "own-draft", versionToken: "3" }))).toMatchObject({ ok: true });
    expect(await actions.deletePost(undefined, ref("own-draft"))).toMatchObject({ ok: true });
  });

  it("cannot publish: not on create, not by saving a draft unticked (what the Publish button sends)", async () => {
    expect(await actions.savePost(undefined, form({ draft: undefined }))).toEqual(forbidden);
    expect(await actions.savePost(undefined, form({ originalSlug: "own-draft", slug: "own-draft", versionToken: "3", draft: undefined }))).toEqual(forbidden);
    expect(write.createPost).not.toHaveBeenCalled();
    expect(write.updatePost).not.toHaveBeenCalled();
    expect(write.setPostDraft).not.toHaveBeenCalled();
  });

  it("cannot unpublish, edit or delete a published post, even their own", async () => {
    expect(await actions.unpublishPost(undefined, ref("own-live"))).toEqual(forbidden);
    expect(await actions.savePost(undefined, form({ originalSlug: "own-live", slug: "own-live", versionToken: "3", draft: undefined }))).toEqual(forbidden);
    expect(await actions.deletePost(undefined, ref("own-live"))).toEqual(forbidden);
    expect(write.setPostDraft).not.toHaveBeenCalled();
    expect(write.updatePost).not.toHaveBeenCalled();
    expect(write.deletePost).not.toHaveBeenCalled();
  });

  it("cannot touch anyone else's post, or a post from the files", async () => {
    for (const slug of ["their-draft", "their-live", "file-post"]) {
      expect(await actions.savePost(undefined, form({ originalSlug: slug, slug, versionToken: "3" }))).toEqual(forbidden);
      expect(await actions.deletePost(undefined, ref(slug))).toEqual(forbidden);
      expect(await actions.restoreRevision(undefined, { ...ref(slug), revisionId: "r1" })).toEqual(forbidden);
    }
    expect(write.updatePost).not.toHaveBeenCalled();
    expect(write.deletePost).not.toHaveBeenCalled();
    expect(write.restorePostRevision).not.toHaveBeenCalled();
  });

  it("cannot restore a deleted post, nor restore a published version onto their draft", async () => {
    expect(await actions.restorePost(undefined, { slug: "own-deleted" })).toEqual(forbidden);
    vi.mocked(queries.getPostRevision).mockResolvedValue({ snapshot: samplePostInput({ slug: "own-draft", draft: false }) } as RevisionDetail);
    expect(await actions.restoreRevision(undefined, { ...ref("own-draft"), revisionId: "r-published" })).toEqual(forbidden);
    vi.mocked(queries.getPostRevision).mockResolvedValue({ snapshot: samplePostInput({ slug: "own-draft", draft: true }) } as RevisionDetail);
    expect(await actions.restoreRevision(undefined, { ...ref("own-draft"), revisionId: "r-draft" })).toMatchObject({ ok: true });
    expect(write.restorePost).not.toHaveBeenCalled();
    expect(write.restorePostRevision).toHaveBeenCalledTimes(1);
  });

  it("may preview", async () => {
    expect(await actions.previewPost(undefined, { body: "# hi", format: "md", title: "" })).toMatchObject({ ok: true });
  });
});

describe("an editor", () => {
  beforeEach(() => as(editor));

  it("publishes, unpublishes, edits, deletes and restores anyone's posts", async () => {
    expect(await actions.savePost(undefined, form({ draft: undefined }))).toMatchObject({ ok: true });
    expect(await actions.savePost(undefined, form({ originalSlug: "their-draft", slug: "their-draft", versionToken: "3", draft: undefined }))).toMatchObject({ ok: true });
    expect(await actions.unpublishPost(undefined, ref("their-live"))).toMatchObject({ ok: true });
    expect(await actions.savePost(undefined, form({ originalSlug: "file-post", slug: "file-post", versionToken: "3", draft: undefined }))).toMatchObject({ ok: true });
    expect(await actions.deletePost(undefined, ref("their-draft"))).toMatchObject({ ok: true });
    expect(await actions.restorePost(undefined, { slug: "own-deleted" })).toMatchObject({ ok: true });
  });
});
