import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { clientAddress } from "@/lib/auth/client-address";
import { seedDemoEditor } from "@/lib/auth/demo-editor";
import { signInLimiter } from "@/lib/auth/rate-limit";
import { SignInThrottledError } from "@/lib/auth/sign-in-throttled-error";
import type { SignedIn } from "@/lib/auth/sessions";
import type { UserStore } from "@/lib/auth/types";
import { getUserStore } from "@/lib/auth/user-store";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

let demoSeeded: Promise<boolean> | undefined;

async function usersForSignIn(): Promise<UserStore> {
  const users = await getUserStore();
  // The first sign-in of a fresh development checkout finds the demo editor waiting (never in production).
  demoSeeded ??= seedDemoEditor(users).catch((error: unknown) => {
    demoSeeded = undefined;
    throw error;
  });
  await demoSeeded;
  return users;
}

/**
 * The Credentials provider's `authorize`. It runs for the sign-in form's server action and for a direct POST to
 * /api/auth/callback/credentials alike, which is why the rate limit is enforced here and not in the form's action.
 * Returns the editor and the session just started, null for bad credentials, and throws `SignInThrottledError` when
 * the limiter refuses.
 */
export async function authorizeCredentials(
  credentials: Partial<Record<string, unknown>>,
  request: Request,
): Promise<SignedIn | null> {
  const input = credentialsSchema.safeParse(credentials);
  if (!input.success) return null;
  const result = await authenticate(
    { users: await usersForSignIn(), limiter: signInLimiter() },
    { ...input.data, address: clientAddress(request.headers) },
  );
  if (result.ok) return { ...result.editor, sessionId: result.sessionId, signedInAt: result.signedInAt };
  if (result.reason === "rate-limited") throw new SignInThrottledError(result.retryAfterMs);
  return null;
}
