import type { Role } from "@/lib/auth/types";

/**
 * Who may do what: the one place the rules live. Server actions ask through `editorAction`'s policy, pages through
 * `requirePermissionPage`, and the admin's navigation through `can` too, so a rule changed here changes everywhere.
 *
 *   author  writes posts and edits and deletes their own drafts; cannot publish, unpublish, restore, or touch
 *           anyone else's post (Ghost calls this role "contributor")
 *   editor  publishes, unpublishes, edits, deletes and restores every post
 *   admin   everything an editor does, and manages users
 *
 * Pure functions of the editor, the action and (for post actions) the post: no I/O, so every role × action is
 * unit-tested.
 */

export type PostAction =
  /** Open a post in the editor or its revisions. */
  | "post.view"
  | "post.create"
  /** Save changes to an existing post. */
  | "post.edit"
  | "post.publish"
  | "post.unpublish"
  | "post.delete"
  /** Bring a deleted post back. */
  | "post.restore"
  /** Restore an earlier revision onto the post. */
  | "post.revert";

export type Action =
  | PostAction
  /** Sign in to /admin and see the post list. */
  | "admin.enter"
  /** Render a preview of a body (nothing is stored). */
  | "post.preview"
  /** Create users, change their roles, disable them, reset their passwords, sign them out. */
  | "users.manage"
  /** Sign oneself out everywhere. */
  | "sessions.end-own";

export const ACTIONS: readonly Action[] = [
  "admin.enter",
  "post.preview",
  "post.view",
  "post.create",
  "post.edit",
  "post.publish",
  "post.unpublish",
  "post.delete",
  "post.restore",
  "post.revert",
  "users.manage",
  "sessions.end-own",
];

/** What a post rule needs to know about the post. */
export interface PostFacts {
  /** The user who created it; null for posts from files or an import (nobody's own). */
  ownerId: string | null;
  status: "draft" | "scheduled" | "published" | "deleted";
}

export interface Actor {
  id: string;
  role: Role;
}

const POST_ACTIONS = new Set<Action>(["post.view", "post.create", "post.edit", "post.publish", "post.unpublish", "post.delete", "post.restore", "post.revert"]);

function isPostAction(action: Action): action is PostAction {
  return POST_ACTIONS.has(action);
}

/** What an author may do to a post that is theirs, by its status. */
const AUTHOR_OWN: Record<PostFacts["status"], ReadonlySet<PostAction>> = {
  draft: new Set<PostAction>(["post.view", "post.edit", "post.delete", "post.revert"]),
  // Once an editor has published it, it is the publication's: the author may look, not change.
  published: new Set<PostAction>(["post.view"]),
  // Scheduled is published with a date: an editor's decision, which the author may not change.
  scheduled: new Set<PostAction>(["post.view"]),
  deleted: new Set<PostAction>(["post.view"]),
};

/** Actions an author may take with no particular post in view (a post action: on some post of their own). */
const AUTHOR_ANY = new Set<Action>(["admin.enter", "post.preview", "post.create", "sessions.end-own", "post.view", "post.edit", "post.delete", "post.revert"]);

/**
 * May `actor` do `action`? For a post action on an existing post pass the post; without it the answer is whether
 * the role may ever do it (used before the input of an action is even read, and for showing a button at all).
 */
export function can(actor: Actor, action: Action, post?: PostFacts | null): boolean {
  switch (actor.role) {
    case "admin":
      return true;
    case "editor":
      return action !== "users.manage";
    case "author": {
      if (!post || action === "post.create" || !isPostAction(action)) return AUTHOR_ANY.has(action);
      return post.ownerId !== null && post.ownerId === actor.id && AUTHOR_OWN[post.status].has(action);
    }
  }
}
