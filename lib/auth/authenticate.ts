import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { SignInLimiter } from "@/lib/auth/rate-limit";
import { startSession } from "@/lib/auth/sessions";
import type { SessionEditor, UserStore } from "@/lib/auth/types";

export type AuthenticateResult =
  | { ok: true; editor: SessionEditor; sessionId: string; signedInAt: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterMs: number };

export interface Credentials {
  email: string;
  password: string;
  /** The client's address, when known. */
  address: string | null;
}

/**
 * Checks one sign-in. Unknown email, wrong password and disabled account all give the same answer after the same
 * bcrypt work, so neither the message nor the timing tells which accounts exist.
 */
export async function authenticate(
  deps: { users: UserStore; limiter: SignInLimiter },
  credentials: Credentials,
): Promise<AuthenticateResult> {
  const email = credentials.email.trim().toLowerCase();
  const verdict = await deps.limiter.attempt(email, credentials.address);
  if (!verdict.allowed) return { ok: false, reason: "rate-limited", retryAfterMs: verdict.retryAfterMs };

  const user = await deps.users.findByEmail(email);
  const passwordMatches = await verifyPassword(credentials.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !passwordMatches || user.disabled) return { ok: false, reason: "invalid" };

  await deps.limiter.succeeded(email, credentials.address);
  const session = await startSession(deps.users, user, Date.now());
  return { ok: true, editor: { id: user.id, email: user.email, name: user.name, role: user.role }, ...session };
}
