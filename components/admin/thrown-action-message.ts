import { z } from "zod";
import { SESSION_EXPIRED_MESSAGE } from "./action-feedback";

export const UNREACHABLE_MESSAGE = "The server could not be reached. Nothing was saved; your text is still here.";

// Auth.js answers `null` when nobody is signed in, else an object with at least `expires`.
const sessionSchema = z.object({ expires: z.string() }).nullable();

/**
 * What to tell the editor when calling an action threw instead of answering. Without a session cookie the proxy sends
 * the request to the sign-in page, which the action client cannot read, so the session is asked for directly: an
 * expired session should read as one, not as a network failure.
 */
export async function thrownActionMessage(fetchImpl: typeof fetch = fetch): Promise<string> {
  try {
    const response = await fetchImpl("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
    if (!response.ok) return UNREACHABLE_MESSAGE;
    const session = sessionSchema.safeParse(await response.json());
    return session.success && session.data === null ? SESSION_EXPIRED_MESSAGE : UNREACHABLE_MESSAGE;
  } catch {
    return UNREACHABLE_MESSAGE;
  }
}
