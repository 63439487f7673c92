/**
 * A failure the editor should read as is ("That tag name is too long."). Throw it from an `editorAction` body;
 * any other unexpected error is logged and shown as a generic message instead.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    public readonly code: string = "invalid",
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}
