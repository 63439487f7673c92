"use server";

import type { ReactNode } from "react";
import { z } from "zod";
import { postFormSchema, postRefSchema, previewSchema, type PostForm } from "@/lib/admin/post-schema";
import { getEditablePost } from "@/lib/admin/queries";
import type { EditablePost, SaveOutcome, SavedPost } from "@/lib/admin/types";
import { editorAction } from "@/lib/auth/action";
import type { SessionEditor } from "@/lib/auth/types";
import { withoutLeadingTitle } from "@/lib/content/excerpt";
import { createPost, deletePost as removePost, restorePost as undeletePost, restorePostRevision, setPostDraft, updatePost } from "@/lib/posts/write";
import { checkPostBody, renderPost, type TocEntry } from "@/lib/render";
import { ConflictError, type EditorRef, type PostInput, type StoredPost } from "@/lib/store/types";

/**
 * Every action here is built on `editorAction`, which checks the session, the role and the input schema before the
 * body runs; nothing in this file may export an action built any other way.
 */

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
    publishAt: existing?.publishAt ?? null,
    cover: existing?.cover ?? null,
    seoTitle: existing?.seoTitle ?? null,
    seoDescription: existing?.seoDescription ?? null,
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

export const savePost = editorAction(postFormSchema, async (form, { editor }): Promise<SaveOutcome> => {
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
});

export const previewPost = editorAction(
  previewSchema,
  async ({ body, format, title }): Promise<{ content: ReactNode | null; toc: TocEntry[]; error: { line: number | null; column: number | null; message: string } | null }> => {
    const check = await checkPostBody({ body, format });
    if (!check.ok) return { content: null, toc: [], error: { line: check.line, column: check.column, message: check.message } };
    const rendered = await renderPost({ body: title ? withoutLeadingTitle(body, title) : body, format });
    return { content: rendered.content, toc: rendered.toc, error: null };
  },
);

export const publishPost = editorAction(postRefSchema, async ({ slug, versionToken }, { editor }) =>
  saved(await setPostDraft(slug, false, versionToken, editorRef(editor))),
);

export const unpublishPost = editorAction(postRefSchema, async ({ slug, versionToken }, { editor }) =>
  saved(await setPostDraft(slug, true, versionToken, editorRef(editor))),
);

export const deletePost = editorAction(postRefSchema, async ({ slug, versionToken }, { editor }) => {
  await removePost(slug, versionToken, editorRef(editor));
  return { slug };
});

export const restorePost = editorAction(z.object({ slug: z.string().trim().min(1).max(200) }), async ({ slug }, { editor }) =>
  saved(await undeletePost(slug, editorRef(editor))),
);

export const restoreRevision = editorAction(
  postRefSchema.extend({ revisionId: z.string().trim().min(1).max(200) }),
  async ({ slug, versionToken, revisionId }, { editor }): Promise<SaveOutcome> => {
    try {
      return { status: "saved", post: saved(await restorePostRevision(slug, revisionId, versionToken, editorRef(editor))) };
    } catch (error) {
      if (ConflictError.is(error)) return conflict(slug, error);
      throw error;
    }
  },
);
