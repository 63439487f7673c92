"use server";

import { createElement, type ReactNode } from "react";
import { z } from "zod";
import { PostPreviewArticle } from "@/components/admin/post-preview-article";
import { postFormSchema, postRefSchema, previewDate, previewSchema, previewTerms, type PostForm } from "@/lib/admin/post-schema";
import { getEditablePost } from "@/lib/admin/queries";
import type { EditablePost, SaveOutcome, SavedPost } from "@/lib/admin/types";
import { editorAction } from "@/lib/auth/action";
import type { SessionEditor } from "@/lib/auth/types";
import { withoutLeadingTitle } from "@/lib/content/excerpt";
import { readingMinutes } from "@/lib/content/reading-time";
import { createPost, deletePost as removePost, restorePost as undeletePost, restorePostRevision, setPostDraft, updatePost } from "@/lib/posts/write";
import { checkPostBody, renderPost, type TocEntry } from "@/lib/render";
import type { Post } from "@/lib/content/types";
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
    // Scheduling has no control yet (issue 12 item 5): a post keeps the time it has.
    publishAt: existing?.publishAt ?? null,
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

/** The post as its public page would show it (title block, byline, tags, source box, body), or where the body fails. */
export const previewPost = editorAction(
  previewSchema,
  async (input): Promise<{ content: ReactNode | null; toc: TocEntry[]; error: { line: number | null; column: number | null; message: string } | null }> => {
    const { body, format, title } = input;
    const check = await checkPostBody({ body, format });
    if (!check.ok) return { content: null, toc: [], error: { line: check.line, column: check.column, message: check.message } };
    const rendered = await renderPost({ body: title ? withoutLeadingTitle(body, title) : body, format });
    const post: Post = {
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
      publishAt: null,
      cover: null,
      seoTitle: null,
      seoDescription: null,
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
);
