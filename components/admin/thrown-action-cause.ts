import { z } from "zod";

// Auth.js answers `null` when nobody is signed in, else an object with at least `expires`.
const sessionSchema = z.object({ expires: z.string() }).nullable();

export type ThrownActionCause = "unauthorized" | "unreachable";

/**
 * Why calling an action threw instead of answering. Without a session cookie the proxy may send the request to the
 * sign-in page, which the action client cannot read, so the session is asked for directly: an expired session should
 * read as one, not as a network failure.
 */
export async function thrownActionCause(fetchImpl: typeof fetch = fetch): Promise<ThrownActionCause> {
  try {
    const response = await fetchImpl("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
    if (!response.ok) return "unreachable";
    const session = sessionSchema.safeParse(await response.json());
    return session.success && session.data === null ? "unauthorized" : "unreachable";
  } catch {
    return "unreachable";
  }
}
