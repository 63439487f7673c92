import { DEMO_EDITOR, isDemoEditorEmail } from "@/lib/auth/demo-editor";
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
  /** The client's address, when known (lib/auth/client-address.ts). */
  address: string | null;
  /** The nonce of a genuine device cookie for this email (lib/auth/device-cookie.ts), when the browser sent one. */
  device?: string | null;
}

export interface AuthenticateDeps {
  users: UserStore;
  limiter: SignInLimiter;
  /** Production refuses the demo editor and its password whatever the store holds. */
  production?: boolean;
  now?: () => number;
}

let demoRefusalLogged = false;

/**
 * Checks one sign-in. Unknown email, wrong password, disabled account and (in production) the demo editor all give
 * the same answer after the same bcrypt work, so neither the message nor the timing tells which accounts exist.
 * A success starts a server-side session (lib/auth/sessions.ts).
 */
export async function authenticate(deps: AuthenticateDeps, credentials: Credentials): Promise<AuthenticateResult> {
  const email = credentials.email.trim().toLowerCase();
  const attempt = { email, address: credentials.address, device: credentials.device ?? null };
  const verdict = await deps.limiter.attempt(attempt);
  if (!verdict.allowed) return { ok: false, reason: "rate-limited", retryAfterMs: verdict.retryAfterMs };

  const user = await deps.users.findByEmail(email);
  const passwordMatches = await verifyPassword(credentials.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !passwordMatches || user.disabled) return { ok: false, reason: "invalid" };

  // The demo editor is seeded by development into the same database file a later `next start` may use; its
  // published password must never open a production site, on that account or any other.
  if (deps.production && (isDemoEditorEmail(email) || credentials.password === DEMO_EDITOR.password)) {
    if (!demoRefusalLogged) {
      demoRefusalLogged = true;
      console.warn(`[auth] refused a sign-in with the demo editor's credentials (${email}): production never accepts them`);
    }
    return { ok: false, reason: "invalid" };
  }

  await deps.limiter.succeeded({ ...attempt, trusted: verdict.trusted });
  const session = await startSession(deps.users, user, (deps.now ?? Date.now)());
  return { ok: true, editor: { id: user.id, email: user.email, name: user.name, role: user.role }, ...session };
}
