import type { ActionFailure } from "@/lib/auth/action";
import type { AdminTranslator, MessageKey } from "@/lib/i18n/catalogue";

/** The failure codes of lib/auth/action.ts, in the editor's language. Unknown codes keep the server's own message. */
const codeMessages: Record<string, MessageKey> = {
  invalid: "errors.invalid",
  unavailable: "errors.unavailable",
  "not-found": "errors.notFound",
  "slug-taken": "errors.slugTaken",
  conflict: "errors.conflict",
  error: "errors.generic",
};

export function isUnauthorized(failure: ActionFailure): boolean {
  return failure.error === "unauthorized";
}

/** What to tell the editor about a failed action. `error` is a code for "unauthorized"/"forbidden", a message otherwise. */
export function failureMessage(failure: ActionFailure, t: AdminTranslator): string {
  if (failure.error === "unauthorized") return t("errors.sessionExpired");
  if (failure.error === "forbidden") return t("errors.forbidden");
  const key = failure.code ? codeMessages[failure.code] : undefined;
  return key ? t(key) : failure.error;
}

/**
 * The first message per field, in the editor's language; the form shows one at a time. Nested paths ("tags.0") count
 * for their field. Schema messages are catalogue keys under `fieldErrors.` (lib/admin/post-schema.ts); a message that
 * is not one is shown as the server wrote it.
 */
export function firstFieldErrors(failure: ActionFailure, t: AdminTranslator): Record<string, string> {
  const result: Record<string, string> = {};
  if (failure.code === "slug-taken") result.slug = t("fieldErrors.slugTaken");
  for (const [path, messages] of Object.entries(failure.fieldErrors ?? {})) {
    const field = path.split(".")[0];
    const message = messages[0];
    if (!field || !message || field in result) continue;
    const key = `fieldErrors.${message}`;
    result[field] = t.has(key) ? t(key) : message;
  }
  return result;
}
