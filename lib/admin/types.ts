import type { PostInput, RevisionAction } from "@/lib/store/types";

/**
 * What the admin pages receive from the data layer and the server actions. Plain, serialisable objects only:
 * they cross into client components.
 */
export type PostStatus = "published" | "draft" | "deleted";
export type PostSourceKind = "database" | "file";

export interface AdminPostRow {
  slug: string;
  title: string;
  date: string;
  tags: string[];
  categories: string[];
  status: PostStatus;
  source: PostSourceKind;
  updatedAt: string | null;
  /** Who created it (lib/auth/permissions.ts: an author sees and edits only their own); null for file posts. */
  ownerId: string | null;
}

export interface AdminPostFilters {
  status?: PostStatus | "all";
  tag?: string;
  category?: string;
  q?: string;
}

/** A post loaded into the editor: the fields, and the token a save must name. */
export interface EditablePost {
  input: PostInput;
  versionToken: string;
  status: PostStatus;
  source: PostSourceKind;
  updatedAt: string | null;
  /** Who created it (lib/auth/permissions.ts checks it); null for posts from files and imports. */
  ownerId: string | null;
}

/** Where writes go right now, shown in the admin (never to readers). */
export interface StoreStatus {
  kind: "database" | "files";
  /** True when a database is configured but cannot be reached, so the Markdown files serve and take writes. */
  degraded: boolean;
  message: string | null;
}

export interface RevisionRow {
  id: string;
  version: number;
  action: RevisionAction;
  editor: string | null;
  createdAt: string;
}

export interface RevisionDetail extends RevisionRow {
  snapshot: PostInput;
}

/**
 * Every admin action returns `ActionState<T>` from lib/auth/action.ts: `{ ok: true, data }` or
 * `{ ok: false, error, code?, fieldErrors? }` (code "unauthorized" | "invalid" | "conflict" | "slug-taken" | "not-found" |
 * "unavailable" | "error"). A refused save because the post changed meanwhile is not a failure of the form: it is an
 * outcome the editor must see with the other version, so `savePost` returns it as data.
 */
export type SaveOutcome =
  | { status: "saved"; post: SavedPost }
  | { status: "conflict"; current: EditablePost | null; message: string };

export interface SavedPost {
  slug: string;
  versionToken: string;
  status: PostStatus;
}

export interface PreviewResult {
  /** Null when the body does not compile; then `error` says where. */
  error: { line: number | null; column: number | null; message: string } | null;
}
