"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { deletePost, savePost, unpublishPost } from "@/app/admin/actions";
import type { EditablePost, PostStatus, SavedPost } from "@/lib/admin/types";
import { firstFieldErrors } from "./action-feedback";
import { AUTOSAVE_DELAY_MS, autosaveDue, type AutosaveState } from "./autosave";
import { noticeMessage, type EditorNotice } from "./editor-notice";
import { useT } from "./i18n";
import { editPath } from "./paths";
import { postFormData, postFormValuesFrom, samePostFormValues, type PostFormValues, type SaveIntent } from "./post-form-values";
import type { EditorActionResult } from "./use-editor-action";
import { useEditorAction } from "./use-editor-action";
import { useDraftBackup } from "./use-draft-backup";
import { useUnsavedChangesGuard } from "./use-unsaved-changes-guard";

export type Announcement = { tone: "success" | "error"; text: string } | null;
export interface Conflict {
  /** What is stored now; null when the post is gone. */
  current: EditablePost | null;
  intent: SaveIntent;
}

export interface PostEditorOptions {
  initial: PostFormValues;
  /** The slug the post is stored under; null for a new post. */
  originalSlug: string | null;
  versionToken: string | null;
  status: PostStatus | null;
  /** What the previous page did, when it navigated here after a save. */
  notice: EditorNotice | null;
  /** The site's time zone (the server passes SITE_TIMEZONE): the Date field of a version loaded from the server. */
  timeZone: string;
  /** Asks before deleting; the browser's confirm() unless a test passes its own. */
  confirm?: (message: string) => boolean;
}

/**
 * The post editor's state and every way it talks to the server: the form values and what is saved, the version token a
 * save must name, field errors, the status line, the conflict when someone else saved first, and the safety nets (the
 * unsaved-change guard, the local backup, signing in again without losing text). The components only show it.
 *
 * Saves call `savePost` directly rather than as a form action: React resets a form after its action completes, and an
 * expired session or a conflict must leave every character the editor typed in place.
 */
export function usePostEditor({ initial, originalSlug, versionToken, status: initialStatus, notice, confirm, timeZone }: PostEditorOptions) {
  const t = useT();
  const router = useRouter();
  const slug = originalSlug;
  const [values, setValues] = useState(initial);
  const [savedValues, setSavedValues] = useState(initial);
  const [token, setToken] = useState(versionToken);
  const [status, setStatus] = useState(initialStatus);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState<Announcement>(notice ? { tone: "success", text: t(noticeMessage[notice]) } : null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const dirty = !samePostFormValues(values, savedValues);
  const backup = useDraftBackup({ slug, values, savedValues, versionToken: token });
  useUnsavedChangesGuard(dirty, t("editor.leave"));

  const beforeSignIn = backup.flush;
  const saveAction = useEditorAction(savePost, { beforeSignIn });
  const unpublishAction = useEditorAction(unpublishPost, { beforeSignIn });
  const deleteAction = useEditorAction(deletePost, { beforeSignIn });
  // Autosave only says what went wrong: it must not carry the editor off to the sign-in page mid-sentence.
  const { run: sendAutosave } = useEditorAction(savePost, { unauthorized: "message" });
  const [autosave, setAutosave] = useState<AutosaveState>({ kind: "idle" });
  const autosaving = useRef<Promise<void> | null>(null);
  const pending = saveAction.pending || unpublishAction.pending || deleteAction.pending;

  // Ctrl/Cmd+S and the buttons may fire while React has not re-rendered yet: they read the newest state from here.
  const latest = useRef({ values, token, pending });
  useLayoutEffect(() => {
    latest.current = { values, token, pending };
  });

  useEffect(() => {
    // The notice came in the URL; a reload should not say "Saved" again.
    if (notice) window.history.replaceState(null, "", window.location.pathname);
  }, [notice]);

  const set = useCallback(<K extends keyof PostFormValues>(field: K, value: PostFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((errors) => {
      if (!(field in errors)) return errors;
      const { [field]: _cleared, ...rest } = errors;
      return rest;
    });
  }, []);

  const fail = useCallback(
    (result: Exclude<EditorActionResult<unknown>, { ok: true }>) => {
      if (result.reason === "failed") setFieldErrors(firstFieldErrors(result.failure, t));
      setAnnouncement({ tone: "error", text: result.message });
    },
    [t],
  );

  /** What every successful save takes over from the server; anything typed while it was on its way stays. */
  const saved = useCallback(
    (submitted: PostFormValues, post: SavedPost) => {
      const stored: PostFormValues = { ...submitted, slug: post.slug, draft: post.status === "draft" };
      backup.discardBackup();
      setConflict(null);
      // Set here too, not only on the next render: a save waiting for an autosave must send this token.
      latest.current.token = post.versionToken;
      setToken(post.versionToken);
      setStatus(post.status);
      setSavedValues(stored);
      setValues((current) => ({
        ...current,
        slug: current.slug === submitted.slug ? stored.slug : current.slug,
        draft: current.draft === submitted.draft ? stored.draft : current.draft,
      }));
    },
    [backup],
  );

  const runAutosave = useCallback(async () => {
    if (!slug || latest.current.pending || autosaving.current) return;
    const submitted = latest.current.values;
    const work = (async () => {
      setAutosave({ kind: "saving" });
      const result = await sendAutosave(postFormData(submitted, { originalSlug: slug, versionToken: latest.current.token, intent: "save" }));
      if (!result.ok) {
        setAutosave({ kind: "failed", message: result.message });
        return;
      }
      if (result.data.status === "conflict") {
        // Someone saved a newer version: the editor decides in the conflict panel, and autosave waits for that.
        setConflict({ current: result.data.current, intent: "save" });
        setAutosave({ kind: "idle" });
        return;
      }
      saved(submitted, result.data.post);
      setAutosave({ kind: "saved", at: new Date() });
    })();
    autosaving.current = work;
    try {
      await work;
    } finally {
      autosaving.current = null;
    }
  }, [saved, sendAutosave, slug]);

  const save = useCallback(
    async (intent: SaveIntent, overrideToken?: string) => {
      if (latest.current.pending) return;
      // A click during an autosave waits for it (and then names the version it made) instead of being dropped.
      if (autosaving.current) await autosaving.current;
      const submitted = latest.current.values;
      setAnnouncement(null);
      const result = await saveAction.run(
        postFormData(submitted, { originalSlug: slug, versionToken: overrideToken ?? latest.current.token, intent }),
      );
      if (!result.ok) return fail(result);
      if (result.data.status === "conflict") {
        setConflict({ current: result.data.current, intent });
        return;
      }

      const post = result.data.post;
      // A save that leaves the post waiting for its publish time says so, whichever button made it.
      const done: EditorNotice = post.status === "scheduled" ? "scheduled" : intent === "publish" ? "published" : "saved";
      saved(submitted, post);
      setFieldErrors({});
      setAutosave({ kind: "idle" });
      if (post.slug !== slug) {
        router.replace(editPath(post.slug, done));
        return;
      }
      setAnnouncement({ tone: "success", text: t(noticeMessage[done]) });
    },
    [fail, router, saveAction, saved, slug, t],
  );

  const autosaveWanted = autosaveDue({
    storedSlug: slug,
    status,
    dirty,
    conflict: conflict !== null,
    busy: pending,
    typedDraft: values.draft,
    renaming: values.slug !== savedValues.slug,
  });
  // The timer calls the newest autosave, so only a change to the text (not any re-render) restarts the wait.
  const autosaveNow = useRef(runAutosave);
  useLayoutEffect(() => {
    autosaveNow.current = runAutosave;
  });
  useEffect(() => {
    if (!autosaveWanted) return;
    // Every change restarts the wait: the save goes out once typing pauses.
    const timer = window.setTimeout(() => void autosaveNow.current(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [autosaveWanted, values]);

  const unpublish = useCallback(async () => {
    const current = latest.current.token;
    if (!slug || !current || latest.current.pending) return;
    setAnnouncement(null);
    const result = await unpublishAction.run({ slug, versionToken: current });
    if (!result.ok) return fail(result);
    setToken(result.data.versionToken);
    setStatus(result.data.status);
    setSavedValues((saved) => ({ ...saved, draft: true }));
    setValues((typed) => ({ ...typed, draft: true }));
    setAnnouncement({ tone: "success", text: t("editor.unpublished") });
  }, [fail, slug, t, unpublishAction]);

  const remove = useCallback(async () => {
    const current = latest.current.token;
    if (!slug || !current || latest.current.pending) return;
    const ask = confirm ?? ((message: string) => window.confirm(message));
    if (!ask(dirty ? t("editor.confirmDeleteUnsaved") : t("editor.confirmDelete"))) return;
    setAnnouncement(null);
    const result = await deleteAction.run({ slug, versionToken: current });
    if (!result.ok) return fail(result);
    backup.discardBackup();
    // The page becomes "this post is deleted"; nothing is left to guard.
    setSavedValues(latest.current.values);
    router.refresh();
  }, [backup, confirm, deleteAction, dirty, fail, router, slug, t]);

  const overwrite = useCallback(() => {
    if (conflict?.current) void save(conflict.intent, conflict.current.versionToken);
  }, [conflict, save]);

  const takeTheirs = useCallback(() => {
    if (!conflict?.current) return;
    const { current } = conflict;
    const theirs = postFormValuesFrom(current.input, timeZone);
    setValues(theirs);
    setSavedValues(theirs);
    setToken(current.versionToken);
    setStatus(current.status);
    setConflict(null);
    backup.discardBackup();
    if (current.input.slug !== slug) router.replace(editPath(current.input.slug));
  }, [backup, conflict, router, slug, timeZone]);

  const restoreBackup = useCallback(() => {
    const offer = backup.offer;
    if (!offer) return;
    setValues(offer.values);
    // Saving onto a version the backup was not based on must be refused and shown as a conflict, never overwrite.
    if (offer.baseVersionToken) setToken(offer.baseVersionToken);
    backup.dismissOffer();
  }, [backup]);

  return {
    values,
    set,
    savedValues,
    dirty,
    pending,
    autosave,
    status,
    versionToken: token,
    fieldErrors,
    announcement,
    conflict,
    dismissConflict: useCallback(() => setConflict(null), []),
    backupOffer: backup.offer,
    /** The post was saved since the backup was taken: saving the restored text will show a conflict first. */
    backupIsStale: backup.offer !== null && backup.offer.baseVersionToken !== token,
    restoreBackup,
    discardBackup: backup.discardBackup,
    save,
    unpublish,
    remove,
    overwrite,
    takeTheirs,
  };
}

