import type { PostStatus } from "@/lib/admin/types";

/**
 * Server autosave: how long the editor may pause before what they typed is saved. Long enough that a burst of typing
 * is one request, short enough that a closed laptop loses at most a sentence (the local backup covers even that).
 */
export const AUTOSAVE_DELAY_MS = 2_000;

export type AutosaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "failed"; message: string };

export interface AutosaveFacts {
  /** The slug the post is stored under; null for a post not saved yet. */
  storedSlug: string | null;
  status: PostStatus | null;
  dirty: boolean;
  /** Someone else saved first and the editor has not decided yet. */
  conflict: boolean;
  /** A save, publish, delete or another autosave is on its way. */
  busy: boolean;
  /** The draft box as typed: unticked means the editor is about to publish, which only they may decide. */
  typedDraft: boolean;
  /** The slug as typed differs from the stored one: a rename is the editor's decision too. */
  renaming: boolean;
}

/**
 * Whether a pause in typing should save to the server. Only drafts: a change to a published post goes live on save,
 * so it waits for the editor's click. A post never saved has no place on the server yet (the local backup keeps it),
 * and a conflict stops autosave until the editor has chosen, so an autosave never overwrites a newer version.
 */
export function autosaveDue(facts: AutosaveFacts): boolean {
  return (
    facts.storedSlug !== null &&
    facts.status === "draft" &&
    facts.dirty &&
    !facts.conflict &&
    !facts.busy &&
    facts.typedDraft &&
    !facts.renaming
  );
}
