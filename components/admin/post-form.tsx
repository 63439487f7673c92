"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { deletePost, savePost, unpublishPost } from "@/app/admin/actions";
import type { EditablePost, PostSourceKind, PostStatus } from "@/lib/admin/types";
import type { ActionFailure } from "@/lib/auth/action";
import { failureMessage, firstFieldErrors } from "./action-feedback";
import { ConflictNotice } from "./conflict-notice";
import { BackupOffer } from "./backup-offer";
import { noticeText, type EditorNotice } from "./editor-notice";
import { FormField, fieldDescription } from "./form-field";
import { editPath, publicPostPath, revisionsPath } from "./paths";
import { postFormData, postFormValuesFrom, samePostFormValues, type PostFormValues, type SaveIntent } from "./post-form-values";
import { PostSourceLabel, PostStatusBadge } from "./post-status-badge";
import { PreviewPane } from "./preview-pane";
import { dangerButtonClass, inputClass, linkClass, primaryButtonClass, secondaryButtonClass } from "./styles";
import { TermListField } from "./term-list-field";
import { thrownActionMessage } from "./thrown-action-message";
import { useDraftBackup } from "./use-draft-backup";
import { useHydrated } from "./use-hydrated";
import { usePostPreview } from "./use-post-preview";
import { useUnsavedChangesGuard } from "./use-unsaved-changes-guard";

export interface PostFormProps {
  initial: PostFormValues;
  /** The slug the post is stored under; null for a new post. */
  originalSlug: string | null;
  versionToken: string | null;
  status: PostStatus | null;
  source: PostSourceKind | null;
  terms: { tags: string[]; categories: string[] };
  /** What the previous page did, when it navigated here after a save. */
  notice: EditorNotice | null;
}

type Announcement = { tone: "success" | "error"; text: string } | null;
type Conflict = { message: string; current: EditablePost | null; intent: SaveIntent };

/**
 * The post editor. Every input is controlled and saves go through `savePost` called directly rather than as a form
 * action, because React resets a form after its action completes: an expired session or a conflict must leave every
 * character the editor typed in place.
 */
export function PostForm({ initial, originalSlug, versionToken, status: initialStatus, source, terms, notice }: PostFormProps) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [savedValues, setSavedValues] = useState(initial);
  const [token, setToken] = useState(versionToken);
  const [status, setStatus] = useState(initialStatus);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState<Announcement>(notice ? { tone: "success", text: noticeText[notice] } : null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pending, startTransition] = useTransition();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const previewRef = useRef<HTMLElement>(null);

  const slug = originalSlug;
  const hydrated = useHydrated();
  const busy = pending || !hydrated;
  const dirty = !samePostFormValues(values, savedValues);
  useUnsavedChangesGuard(dirty);
  const backup = useDraftBackup({ slug, values, savedValues, versionToken: token });
  const preview = usePostPreview({ body: values.body, format: values.format, title: values.title });

  useEffect(() => {
    // The notice came in the URL; a reload should not say "Saved" again.
    if (notice) window.history.replaceState(null, "", window.location.pathname);
  }, [notice]);

  function set<K extends keyof PostFormValues>(field: K, value: PostFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    if (fieldErrors[field]) setFieldErrors(({ [field]: _cleared, ...rest }) => rest);
  }

  function fail(failure: ActionFailure) {
    setFieldErrors(firstFieldErrors(failure));
    setAnnouncement({ tone: "error", text: failureMessage(failure) });
  }

  function save(intent: SaveIntent, overrideToken?: string) {
    const submitted = values;
    setAnnouncement(null);
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof savePost>>;
      try {
        result = await savePost(undefined, postFormData(submitted, { originalSlug: slug, versionToken: overrideToken ?? token, intent }));
      } catch {
        setAnnouncement({ tone: "error", text: await thrownActionMessage() });
        return;
      }
      if (!result.ok) return fail(result);
      if (result.data.status === "conflict") {
        setConflict({ message: result.data.message, current: result.data.current, intent });
        return;
      }

      const post = result.data.post;
      const stored: PostFormValues = { ...submitted, slug: post.slug, draft: post.status === "draft" };
      const done: EditorNotice = intent === "publish" ? "published" : "saved";
      backup.discardBackup();
      setFieldErrors({});
      setConflict(null);
      setToken(post.versionToken);
      setStatus(post.status);
      setSavedValues(stored);
      // Anything typed while the save was on its way stays; only what the server decided is taken over.
      setValues((current) => ({
        ...current,
        slug: current.slug === submitted.slug ? stored.slug : current.slug,
        draft: current.draft === submitted.draft ? stored.draft : current.draft,
      }));
      if (post.slug !== slug) {
        router.replace(editPath(post.slug, done));
        return;
      }
      setAnnouncement({ tone: "success", text: noticeText[done] });
    });
  }

  function unpublish() {
    if (!slug || !token) return;
    setAnnouncement(null);
    startTransition(async () => {
      try {
        const result = await unpublishPost(undefined, { slug, versionToken: token });
        if (!result.ok) return fail(result);
        setToken(result.data.versionToken);
        setStatus(result.data.status);
        setSavedValues((current) => ({ ...current, draft: true }));
        setValues((current) => ({ ...current, draft: true }));
        setAnnouncement({ tone: "success", text: "Unpublished" });
      } catch {
        setAnnouncement({ tone: "error", text: await thrownActionMessage() });
      }
    });
  }

  function remove() {
    if (!slug || !token) return;
    const warning = dirty ? " Your unsaved changes will be lost." : "";
    if (!window.confirm(`Delete this post? Readers will no longer see it; you can restore it later.${warning}`)) return;
    setAnnouncement(null);
    startTransition(async () => {
      try {
        const result = await deletePost(undefined, { slug, versionToken: token });
        if (!result.ok) return fail(result);
        backup.discardBackup();
        setSavedValues(values);
        router.refresh();
      } catch {
        setAnnouncement({ tone: "error", text: await thrownActionMessage() });
      }
    });
  }

  function takeTheirs(current: EditablePost) {
    const theirs = postFormValuesFrom(current.input);
    setValues(theirs);
    setSavedValues(theirs);
    setToken(current.versionToken);
    setStatus(current.status);
    setConflict(null);
    backup.discardBackup();
    if (current.input.slug !== slug) router.replace(editPath(current.input.slug));
  }

  function restoreBackup() {
    if (!backup.offer) return;
    setValues(backup.offer.values);
    // Saving onto a version the backup was not based on must be refused and shown as a conflict, never overwrite.
    if (backup.offer.baseVersionToken) setToken(backup.offer.baseVersionToken);
    backup.dismissOffer();
  }

  function goToLine(line: number) {
    const textarea = bodyRef.current;
    if (!textarea) return;
    const lines = values.body.split("\n");
    const start = lines.slice(0, Math.max(0, line - 1)).reduce((offset, text) => offset + text.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    textarea.focus();
    textarea.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      if (!pending) save("save");
    }
  }

  const isNew = slug === null;
  const published = status === "published";

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900 dark:text-white">{isNew ? "New post" : "Edit post"}</h1>
        {status ? <PostStatusBadge status={status} /> : null}
        {source ? <PostSourceLabel source={source} /> : null}
        {!isNew ? (
          <nav aria-label="This post" className="ml-auto flex gap-4 text-sm">
            {published ? (
              <a href={publicPostPath(slug)} target="_blank" rel="noopener" className={linkClass}>
                View on site
              </a>
            ) : null}
            <Link href={revisionsPath(slug)} className={linkClass}>
              Revisions
            </Link>
          </nav>
        ) : null}
      </div>

      {backup.offer ? (
        <BackupOffer backup={backup.offer} stale={backup.offer.baseVersionToken !== token} onRestore={restoreBackup} onDiscard={backup.discardBackup} />
      ) : null}

      {conflict ? (
        <ConflictNotice
          message={conflict.message}
          current={conflict.current}
          mine={values}
          pending={pending}
          onOverwrite={() => conflict.current && save(conflict.intent, conflict.current.versionToken)}
          onTakeTheirs={() => conflict.current && takeTheirs(conflict.current)}
          onDismiss={() => setConflict(null)}
        />
      ) : null}

      <p
        role="status"
        aria-live="polite"
        data-testid="editor-status"
        className={
          announcement?.tone === "error"
            ? "mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
            : announcement
              ? "mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
              : "sr-only"
        }
      >
        {announcement?.text ?? ""}
      </p>

      <div className="grid gap-6 lg:grid-cols-2">
        <form
          // Never GET: a submit that happens before hydration must not put the post into a URL.
          method="post"
          noValidate
          aria-label={isNew ? "New post" : "Edit post"}
          className="space-y-4"
          onKeyDown={onKeyDown}
          onSubmit={(event) => {
            event.preventDefault();
            save("save");
          }}
        >
          <FormField id="post-title" label="Title" error={fieldErrors.title}>
            <input
              {...fieldDescription("post-title", false, fieldErrors.title)}
              name="title"
              required
              value={values.title}
              onChange={(event) => set("title", event.target.value)}
              className={inputClass}
            />
          </FormField>

          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              id="post-slug"
              label="Slug"
              hint={isNew ? "Leave empty to derive it from the title." : "Changing it moves the post; the old address redirects."}
              error={fieldErrors.slug}
            >
              <input
                {...fieldDescription("post-slug", true, fieldErrors.slug)}
                name="slug"
                value={values.slug}
                onChange={(event) => set("slug", event.target.value)}
                autoCapitalize="off"
                spellCheck={false}
                className={inputClass}
              />
            </FormField>
            <FormField id="post-date" label="Date" hint="2026-01-26, or 2026-01-26T10:00 in China time." error={fieldErrors.date}>
              <input
                {...fieldDescription("post-date", true, fieldErrors.date)}
                name="date"
                required
                inputMode="numeric"
                placeholder="YYYY-MM-DD"
                value={values.date}
                onChange={(event) => set("date", event.target.value)}
                className={inputClass}
              />
            </FormField>
            <FormField id="post-author" label="Author" error={fieldErrors.author}>
              <input
                {...fieldDescription("post-author", false, fieldErrors.author)}
                name="author"
                value={values.author}
                onChange={(event) => set("author", event.target.value)}
                className={inputClass}
              />
            </FormField>
            <FormField id="post-source" label="Source" hint="The article this entry summarises (https://…)." error={fieldErrors.source}>
              <input
                {...fieldDescription("post-source", true, fieldErrors.source)}
                name="source"
                type="url"
                value={values.source}
                onChange={(event) => set("source", event.target.value)}
                className={inputClass}
              />
            </FormField>
          </div>

          <FormField
            id="post-description"
            label="Description"
            hint="Optional: the first paragraph is used when empty."
            error={fieldErrors.description}
          >
            <textarea
              {...fieldDescription("post-description", true, fieldErrors.description)}
              name="description"
              rows={2}
              value={values.description}
              onChange={(event) => set("description", event.target.value)}
              className={inputClass}
            />
          </FormField>

          <div className="grid gap-4 sm:grid-cols-2">
            <TermListField
              name="tags"
              label="Tags"
              value={values.tags}
              known={terms.tags}
              error={fieldErrors.tags}
              onChange={(value) => set("tags", value)}
            />
            <TermListField
              name="categories"
              label="Categories"
              value={values.categories}
              known={terms.categories}
              error={fieldErrors.categories}
              onChange={(value) => set("categories", value)}
            />
            <FormField
              id="post-format"
              label="Format"
              hint="MDX allows components; expressions in { } are never run."
              error={fieldErrors.format}
            >
              <select
                {...fieldDescription("post-format", true, fieldErrors.format)}
                name="format"
                value={values.format}
                onChange={(event) => set("format", event.target.value === "mdx" ? "mdx" : "md")}
                className={inputClass}
              >
                <option value="md">Markdown</option>
                <option value="mdx">MDX</option>
              </select>
            </FormField>
            <div className="flex items-end gap-2 pb-2">
              <input
                id="post-draft"
                name="draft"
                type="checkbox"
                checked={values.draft}
                onChange={(event) => set("draft", event.target.checked)}
                aria-describedby="post-draft-hint"
                className="h-4 w-4 rounded border-slate-300 dark:border-slate-700"
              />
              <label htmlFor="post-draft" className="text-sm font-medium">
                Draft
              </label>
              <span id="post-draft-hint" className="text-xs text-slate-500 dark:text-slate-400">
                Hidden from readers.
              </span>
            </div>
          </div>

          <FormField id="post-body" label="Body" error={fieldErrors.body}>
            <textarea
              {...fieldDescription("post-body", false, fieldErrors.body)}
              ref={bodyRef}
              name="body"
              rows={24}
              spellCheck={false}
              value={values.body}
              onChange={(event) => set("body", event.target.value)}
              className={`${inputClass} font-mono leading-6`}
            />
          </FormField>

          <div className="sticky bottom-0 flex flex-wrap items-center gap-2 border-t border-slate-200 bg-white/95 py-3 dark:border-slate-800 dark:bg-slate-950/95">
            <button type="submit" disabled={busy} className={primaryButtonClass}>
              Save
            </button>
            {published ? (
              <button type="button" disabled={busy} onClick={unpublish} className={secondaryButtonClass}>
                Unpublish
              </button>
            ) : (
              <button type="button" disabled={busy} onClick={() => save("publish")} className={secondaryButtonClass}>
                Publish
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                preview.refresh();
                previewRef.current?.scrollIntoView({ block: "nearest" });
              }}
              className={secondaryButtonClass}
            >
              Preview
            </button>
            {!isNew ? (
              <button type="button" disabled={busy} onClick={remove} className={`${dangerButtonClass} ml-auto`}>
                Delete
              </button>
            ) : null}
            <span className="text-xs text-slate-500 dark:text-slate-400" aria-hidden={!dirty && !pending}>
              {pending ? "Working…" : dirty ? "Unsaved changes" : ""}
            </span>
          </div>
        </form>

        <div className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <PreviewPane ref={previewRef} state={preview.state} loading={preview.loading} onGoToLine={goToLine} />
        </div>
      </div>
    </div>
  );
}
