import type { ActionFailure } from "@/lib/auth/action";

/** Shown for every action refused because the session ended: nothing the editor typed is lost by the refusal. */
export const SESSION_EXPIRED_MESSAGE = "Your session has expired — sign in again in another tab; your text is still here.";

export const FORBIDDEN_MESSAGE = "Your account is not allowed to do that.";

/** What to tell the editor about a failed action. `error` is a code for these two and a message otherwise. */
export function failureMessage(failure: ActionFailure): string {
  if (failure.error === "unauthorized") return SESSION_EXPIRED_MESSAGE;
  if (failure.error === "forbidden") return FORBIDDEN_MESSAGE;
  return failure.error;
}

/** The first message per field, the form shows one at a time. Nested paths ("tags.0") count for their field. */
export function firstFieldErrors(failure: ActionFailure): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, messages] of Object.entries(failure.fieldErrors ?? {})) {
    const field = path.split(".")[0];
    if (field && messages[0] && !(field in result)) result[field] = messages[0];
  }
  return result;
}
