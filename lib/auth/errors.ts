/** No signed-in editor. Route handlers answer 401; `editorAction` answers `{ ok: false, error: "unauthorized" }`. */
export class UnauthorizedError extends Error {
  constructor() {
    super("unauthorized");
    this.name = "UnauthorizedError";
  }
}

/** Signed in, but the role is not enough (an editor asking for an admin-only action). */
export class ForbiddenError extends Error {
  constructor() {
    super("forbidden");
    this.name = "ForbiddenError";
  }
}

/** Production refuses to start without a signing secret: sessions signed with a guessable key could be forged. */
export class MissingAuthSecretError extends Error {
  constructor() {
    super(
      "AUTH_SECRET is not set. Sessions cannot be signed without it. Generate one with `openssl rand -base64 33` " +
        "and set AUTH_SECRET in the environment before `next start`.",
    );
    this.name = "MissingAuthSecretError";
  }
}
