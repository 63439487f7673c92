import type { AdminListQuery, PostInput, PostStatus, RevisionSummary } from "@/lib/store/types";

export type { PostStatus } from "@/lib/store/types";
export type { StoreStatus } from "@/lib/store/active";

/**
 * What the admin pages receive from the data layer and the server actions. Plain, serialisable objects only:
 * they cross into client components.
 */
export type PostSourceKind = "database" | "file";

export interface AdminPostRow {
  slug: string;
  title: string;
  date: string;
  author: string | null;
  tags: string[];
  categories: string[];
  status: PostStatus;
  source: PostSourceKind;
  publishAt: string | null;
  updatedAt: string | null;
  versionToken: string;
  /** Open conflict revisions: files saved during an outage that differ from the post. */
  conflicts: number;
  /** Who created it (lib/auth/permissions.ts: an author sees and edits only their own); null for file posts. */
  ownerId: string | null;
}

/** The admin list's filters, order and page as the URL gives them; the page size is the page's to choose. */
export type AdminPostFilters = Omit<AdminListQuery, "perPage">;

export interface AdminPostPage {
  rows: AdminPostRow[];
  page: number;
  pageCount: number;
  total: number;
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

/** A revision as the history lists it (its snapshot is loaded only when it is viewed). */
export type RevisionRow = Omit<RevisionSummary, "slug">;

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
