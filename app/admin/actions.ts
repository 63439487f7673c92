"use server";

import { createElement, type ReactNode } from "react";
import { z } from "zod";
import { PostPreviewArticle } from "@/components/admin/post-preview-article";
import { postFormSchema, postRefSchema, previewDate, previewSchema, previewTerms, type PostForm } from "@/lib/admin/post-schema";
import { getEditablePost, getPostRevision } from "@/lib/admin/queries";
import type { EditablePost, SaveOutcome, SavedPost } from "@/lib/admin/types";
import { editorAction, type PermissionCheck } from "@/lib/auth/action";
import type { SessionEditor } from "@/lib/auth/types";
import { withoutLeadingTitle } from "@/lib/content/excerpt";
import { emptyPostFields } from "@/lib/content/fields";
import { readingMinutes } from "@/lib/content/reading-time";
import { createPost, deletePost as removePost, restorePost as undeletePost, restorePostRevision, setPostDraft, updatePost } from "@/lib/posts/write";
import { checkPostBody, renderPost, type TocEntry } from "@/lib/render";
import type { Post } from "@/lib/content/types";
import { ConflictError, type EditorRef, type PostInput, type StoredPost } from "@/lib/store/types";

/**
 * Every action here is built on `editorAction`, which checks the session, the role's permissions
 * (lib/auth/permissions.ts, for the post each call touches) and the input schema before the body runs; nothing in
 * this file may export an action built any other way.
 */

/** Saving with a different draft flag than the post has is also publishing or unpublishing it. */
function draftChange(post: EditablePost | null, draft: boolean): PermissionCheck[] {
  if (!post || post.status === "deleted") return draft ? [] : [{ action: "post.publish", post }];
  if (post.status === "draft" && !draft) return [{ action: "post.publish", post }];
  if ((post.status === "published" || post.status === "scheduled") && draft) return [{ action: "post.unpublish", post }];
  return [];
}

/** The permission for one action on the post at `slug` (null when there is none: the body then says so). */
const onPost =
  (action: PermissionCheck["action"]) =>
  async ({ slug }: { slug: string }): Promise<PermissionCheck[]> => [{ action, post: await getEditablePost(slug) }];

function editorRef(editor: SessionEditor): EditorRef {
  return { id: editor.id, email: editor.email };
}

function saved(stored: StoredPost): SavedPost {
  return {
    slug: stored.post.slug,
    versionToken: stored.versionToken,
    status: stored.deletedAt
      ? "deleted"
      : stored.post.draft
        ? "draft"
        : stored.post.publishAt && Date.parse(stored.post.publishAt) > Date.now()
          ? "scheduled"
          : "published",
  };
}

/** The form's fields over what the post already holds (fields the form does not show are kept, never dropped). */
function inputFrom(form: PostForm, existing: PostInput | null): PostInput {
  return {
    // Fields the form has no control for keep what the post holds.
    ...emptyPostFields(),
    ...existing,
    publishAt: form.publishAt,
    cover: form.cover,
    seoTitle: form.seoTitle,
    seoDescription: form.seoDescription,
    slug: form.slug,
    title: form.title,
    date: form.date,
    author: form.author,
    source: form.source,
    description: form.description,
    tags: form.tags,
    categories: form.categories,
    draft: form.draft,
    format: form.format,
    body: form.body.replace(/\r\n/g, "\n"),
    // Front-matter keys the form does not show (Hugo/Jekyll extras) are kept.
    extra: existing?.extra ?? {},
  };
}

async function conflict(slug: string, error: ConflictError): Promise<SaveOutcome> {
  const current: EditablePost | null = await getEditablePost(error.current?.post.slug ?? slug);
  return {
    status: "conflict",
    current,
    message: "This post was changed by someone else since you opened it. Your text is still here: compare it with the other version, then save again to overwrite it, or copy what you need.",
  };
}

export const savePost = editorAction(
  postFormSchema,
  async (form, { editor }): Promise<SaveOutcome> => {
    try {
      if (form.originalSlug === "") {
        return { status: "saved", post: saved(await createPost(inputFrom(form, null), editorRef(editor))) };
      }
      const existing = await getEditablePost(form.originalSlug);
      return {
        status: "saved",
        post: saved(await updatePost(form.originalSlug, inputFrom(form, existing?.input ?? null), form.versionToken, editorRef(editor))),
      };
    } catch (error) {
      if (ConflictError.is(error)) return conflict(form.originalSlug, error);
      throw error;
    }
  },
  {
    action: "post.create",
    async checks(form) {
      if (form.originalSlug === "") return [{ action: "post.create" }, ...draftChange(null, form.draft)];
      const post = await getEditablePost(form.originalSlug);
      return [{ action: "post.edit", post }, ...draftChange(post, form.draft)];
    },
  },
);

/** The post as its public page would show it (title block, byline, tags, source box, body), or where the body fails. */
export const previewPost = editorAction(
  previewSchema,
  async (input): Promise<{ content: ReactNode | null; toc: TocEntry[]; error: { line: number | null; column: number | null; message: string } | null }> => {
    const { body, format, title } = input;
    const check = await checkPostBody({ body, format });
    if (!check.ok) return { content: null, toc: [], error: { line: check.line, column: check.column, message: check.message } };
    const rendered = await renderPost({ body: title ? withoutLeadingTitle(body, title) : body, format });
    const post: Post = {
      ...emptyPostFields(),
      slug: "preview",
      title,
      // A date still being typed shows as today rather than blanking the byline.
      date: previewDate(input.date) ?? new Date().toISOString(),
      author: input.author.trim() || null,
      source: input.source.trim() || null,
      description: "",
      tags: previewTerms(input.tags, "tag"),
      categories: previewTerms(input.categories, "category"),
      draft: true,
      format,
      body,
      readingMinutes: readingMinutes(body),
      extra: {},
      origin: { kind: "file", path: "" },
      updatedAt: null,
    };
    // createElement rather than JSX keeps this file .ts, where other work on the actions' checks also lands.
    return { content: createElement(PostPreviewArticle, { post, content: rendered.content, toc: rendered.toc }), toc: rendered.toc, error: null };
  },
  { action: "post.preview" },
);

export const unpublishPost = editorAction(
  postRefSchema,
  async ({ slug, versionToken }, { editor }) => saved(await setPostDraft(slug, true, versionToken, editorRef(editor))),
  { action: "post.unpublish", checks: onPost("post.unpublish") },
);

export const deletePost = editorAction(
  postRefSchema,
  async ({ slug, versionToken }, { editor }) => {
    await removePost(slug, versionToken, editorRef(editor));
    return { slug };
  },
  { action: "post.delete", checks: onPost("post.delete") },
);

export const restorePost = editorAction(
  z.object({ slug: z.string().trim().min(1).max(200) }),
  async ({ slug }, { editor }) => saved(await undeletePost(slug, editorRef(editor))),
  { action: "post.restore", checks: onPost("post.restore") },
);

/** `draft` is the editor's answer when the revision's published state differs from the post's; omitted, the revision's own state comes back. */
export const restoreRevision = editorAction(
  postRefSchema.extend({ revisionId: z.string().trim().min(1).max(200), draft: z.boolean().optional() }),
  async ({ slug, versionToken, revisionId, draft }, { editor }): Promise<SaveOutcome> => {
    try {
      return { status: "saved", post: saved(await restorePostRevision(slug, revisionId, versionToken, editorRef(editor), { draft })) };
    } catch (error) {
      if (ConflictError.is(error)) return conflict(slug, error);
      throw error;
    }
  },
  {
    action: "post.revert",
    async checks({ slug, revisionId, draft }) {
      const [post, revision] = await Promise.all([getEditablePost(slug), getPostRevision(revisionId)]);
      // Restoring a version also restores whether it was published, unless the editor chose otherwise.
      return [{ action: "post.revert", post }, ...(revision ? draftChange(post, draft ?? revision.snapshot.draft) : [])];
    },
  },
);
