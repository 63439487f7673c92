"use client";

import Link from "next/link";
import { useRef, useState, type KeyboardEvent } from "react";
import type { PostSourceKind, PostStatus } from "@/lib/admin/types";
import { BackupOffer } from "./backup-offer";
import { BodyField } from "./body-field";
import { ConflictNotice } from "./conflict-notice";
import { EditorActionBar, SaveState } from "./editor-action-bar";
import type { EditorNotice } from "./editor-notice";
import { EditorSidePanel, type SidePanel } from "./editor-side-panel";
import { FormField, fieldDescription } from "./form-field";
import { useT } from "./i18n";
import type { BodyEditorHandle } from "./markdown-editor";
import { publicPostPath, revisionsPath } from "./paths";
import type { PostFormValues } from "./post-form-values";
import { PostSettingsPanel } from "./post-settings-panel";
import { PostSourceLabel, PostStatusBadge } from "./post-status-badge";
import { PreviewPane } from "./preview-pane";
import { linkClass } from "./styles";
import { useHydrated } from "./use-hydrated";
import { usePostEditor } from "./use-post-editor";
import { usePostPreview } from "./use-post-preview";

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
  /** SITE_TIMEZONE, read on the server: the "publish at" control is in the site's time, not the browser's. */
  timeZone: string;
}

/** Fields that live in the settings panel: an error on one of them opens it. */
const SETTINGS_FIELDS = new Set(["slug", "date", "author", "source", "description", "tags", "categories", "format", "cover", "seoTitle", "seoDescription", "publishAt"]);

/**
 * The post editor, writing first: the title and the body (CodeMirror) take the main column; the live preview and the
 * post's settings share a panel beside them (below them on a phone, so the body is reached without scrolling past any
 * field). State and every server call live in `usePostEditor`; this component lays it out.
 */
export function PostForm({ initial, originalSlug, versionToken, status: initialStatus, source, terms, notice, timeZone }: PostFormProps) {
  const t = useT();
  const editor = usePostEditor({ initial, originalSlug, versionToken, status: initialStatus, notice, timeZone });
  const { values, set, fieldErrors, status } = editor;
  const hydrated = useHydrated();
  const busy = editor.pending || !hydrated;
  const [panel, setPanel] = useState<SidePanel>("preview");
  const [panelOpen, setPanelOpen] = useState(true);
  const body = useRef<BodyEditorHandle>(null);
  const previewRef = useRef<HTMLElement>(null);
  const preview = usePostPreview({
    body: values.body,
    format: values.format,
    title: values.title,
    date: values.date,
    author: values.author,
    source: values.source,
    tags: values.tags,
    categories: values.categories,
  });

  // New errors on a settings field open the settings panel, adjusted during render (React's pattern for state that
  // follows other state) rather than in an effect that would paint the closed panel first.
  const [shownErrors, setShownErrors] = useState(fieldErrors);
  if (shownErrors !== fieldErrors) {
    setShownErrors(fieldErrors);
    if (Object.keys(fieldErrors).some((field) => SETTINGS_FIELDS.has(field))) {
      setPanel("settings");
      setPanelOpen(true);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      void editor.save("save");
    }
  }

  const isNew = originalSlug === null;
  const published = status === "published";

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900 dark:text-white">{isNew ? t("editor.newPost") : t("editor.editPost")}</h1>
        {status ? <PostStatusBadge status={status} t={t} /> : null}
        {source ? <PostSourceLabel source={source} t={t} /> : null}
        {!isNew ? (
          <nav aria-label={t("editor.thisPost")} className="ml-auto flex gap-4 text-sm">
            {published ? (
              <a href={publicPostPath(originalSlug)} target="_blank" rel="noopener" className={linkClass}>
                {t("editor.viewOnSite")}
              </a>
            ) : null}
            <Link href={revisionsPath(originalSlug)} className={linkClass}>
              {t("editor.revisions")}
            </Link>
          </nav>
        ) : null}
      </div>

      {editor.backupOffer ? (
        <BackupOffer backup={editor.backupOffer} stale={editor.backupIsStale} onRestore={editor.restoreBackup} onDiscard={editor.discardBackup} />
      ) : null}

      {editor.conflict ? (
        <ConflictNotice
          current={editor.conflict.current}
          mine={values}
          pending={editor.pending}
          onOverwrite={editor.overwrite}
          onTakeTheirs={editor.takeTheirs}
          onDismiss={editor.dismissConflict}
          timeZone={timeZone}
        />
      ) : null}

      <p
        role="status"
        aria-live="polite"
        data-testid="editor-status"
        className={
          editor.announcement?.tone === "error"
            ? "mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
            : editor.announcement
              ? "mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
              : "sr-only"
        }
      >
        {editor.announcement?.text ?? ""}
      </p>

      <form
        // Never GET: a submit that happens before hydration must not put the post into a URL.
        method="post"
        noValidate
        aria-label={isNew ? t("editor.formNew") : t("editor.formEdit")}
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          void editor.save("save");
        }}
      >
        <div className={`grid gap-6 ${panelOpen ? "lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : ""}`}>
          <div className="min-w-0 space-y-4">
            <FormField id="post-title" label={t("fields.title")} error={fieldErrors.title}>
              <input
                {...fieldDescription("post-title", false, fieldErrors.title)}
                name="title"
                required
                value={values.title}
                placeholder={t("fields.titlePlaceholder")}
                onChange={(event) => set("title", event.target.value)}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-xl font-semibold text-slate-900 shadow-sm focus:border-sky-500 aria-invalid:border-red-500 sm:text-2xl dark:border-slate-700 dark:bg-slate-900 dark:text-white"
              />
            </FormField>
            <BodyField
              ref={body}
              value={values.body}
              onChange={(text) => set("body", text)}
              onSave={() => void editor.save("save")}
              error={fieldErrors.body}
              disabled={!hydrated}
              // Image upload (issue 12 item 3) adds its button to the toolbar through `toolbarExtra`.
            />
          </div>
          <div className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
            <EditorSidePanel
              panel={panel}
              onPanel={setPanel}
              open={panelOpen}
              onOpen={setPanelOpen}
              preview={<PreviewPane ref={previewRef} state={preview.state} loading={preview.loading} onGoToLine={(line) => body.current?.goToLine(line)} />}
              settings={<PostSettingsPanel values={values} set={set} errors={fieldErrors} isNew={isNew} terms={terms} timeZone={timeZone} />}
            />
          </div>
        </div>

        <EditorActionBar
          isNew={isNew}
          // A scheduled post is published with a time: it is taken back to a draft, not published again.
          published={published || status === "scheduled"}
          busy={busy}
          onPublish={() => void editor.save("publish")}
          onUnpublish={() => void editor.unpublish()}
          onDelete={() => void editor.remove()}
          onPreview={() => {
            preview.refresh();
            setPanel("preview");
            setPanelOpen(true);
            // After React has shown the panel: a hidden element cannot be scrolled to.
            requestAnimationFrame(() => previewRef.current?.scrollIntoView({ block: "nearest" }));
          }}
          state={<SaveState pending={editor.pending} dirty={editor.dirty} autosave={editor.autosave} />}
        />
      </form>
    </div>
  );
}
