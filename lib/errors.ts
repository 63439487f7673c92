/**
 * Errors every layer may throw or catch: the store raises them, the database client raises StoreUnavailableError, the
 * write service and the action helper turn them into answers for the editor. They live at the bottom of lib/ so that
 * no lower layer has to import a higher one to name them.
 *
 * Check them with `ConflictError.is(error)`, not `instanceof`: Next.js may bundle this module more than once (the
 * instrumentation hook and the app are separate bundles sharing one store per process), and each copy has its own
 * classes, so `instanceof` can fail for an error thrown by the other copy. The name is the same in every copy.
 */
import type { Post } from "@/lib/content/types";

function named<T extends Error>(name: string) {
  return (error: unknown): error is T => error instanceof Error && error.name === name;
}

/** A post as a store holds it, drafts and deleted (tombstoned) ones included. */
export interface StoredPost {
  post: Post;
  /**
   * Opaque optimistic-locking token: the row's version number in the database, a content hash for files.
   * A write names the token it started from and is refused when it no longer matches.
   */
  versionToken: string;
  deletedAt: string | null;
  /** The user who created the post (lib/auth/permissions.ts); null for posts from files and imports. */
  ownerId: string | null;
}

/** The post changed since the editor loaded it; `current` is what is stored now. */
export class ConflictError extends Error {
  static readonly is = named<ConflictError>("ConflictError");

  constructor(public readonly current: StoredPost | null) {
    super("This post was changed by someone else since you opened it.");
    this.name = "ConflictError";
  }
}

export class SlugTakenError extends Error {
  static readonly is = named<SlugTakenError>("SlugTakenError");

  constructor(public readonly slug: string) {
    super(`The slug "${slug}" is already used by another post.`);
    this.name = "SlugTakenError";
  }
}

export class PostNotFoundError extends Error {
  static readonly is = named<PostNotFoundError>("PostNotFoundError");

  constructor(public readonly slug: string) {
    super(`No post with the slug "${slug}".`);
    this.name = "PostNotFoundError";
  }
}

/** The store could not be reached (database down, disk unwritable); nothing was written. */
export class StoreUnavailableError extends Error {
  static readonly is = named<StoreUnavailableError>("StoreUnavailableError");

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}

/** An account with this email exists already (both user stores, and lib/db/users.ts under them). */
export class UserExistsError extends Error {
  static readonly is = named<UserExistsError>("UserExistsError");

  constructor(public readonly email: string) {
    super(`A user with the email ${email} already exists.`);
    this.name = "UserExistsError";
  }
}

/** No account with this email (or id). */
export class UserNotFoundError extends Error {
  static readonly is = named<UserNotFoundError>("UserNotFoundError");

  constructor(public readonly email: string) {
    super(`No user with the email ${email}.`);
    this.name = "UserNotFoundError";
  }
}
