import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { clientAddress } from "@/lib/auth/client-address";
import { seedDemoEditor } from "@/lib/auth/demo-editor";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, issueDeviceCookie, readCookie, verifyDeviceCookie } from "@/lib/auth/device-cookie";
import { resolveAuthSecret } from "@/lib/auth/secret";
import type { SignedIn } from "@/lib/auth/sessions";
import { signInLimiter } from "@/lib/auth/sign-in-limiter";
import { SignInThrottledError } from "@/lib/auth/sign-in-throttled-error";
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

let unknownAddressLogged = false;

/**
 * The browser that just signed in becomes a trusted device for this account (lib/auth/device-cookie.ts). Set through
 * Next's `cookies()`, which both the sign-in server action and the Auth.js route handler merge into their response;
 * outside a request (tests driving `authorize` directly) there is nowhere to set it.
 */
async function rememberDevice(request: Request, secret: string, email: string): Promise<void> {
  try {
    const { cookies } = await import("next/headers");
    (await cookies()).set(DEVICE_COOKIE, issueDeviceCookie(secret, email), {
      httpOnly: true,
      sameSite: "lax",
      secure: new URL(request.url).protocol === "https:",
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
    });
  } catch {
    // No request scope: nothing to remember the device in.
  }
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
  const email = input.data.email.toLowerCase();
  const address = clientAddress(request.headers);
  if (address === null && !unknownAddressLogged) {
    unknownAddressLogged = true;
    console.warn("[auth] the client's address is unknown (the socket stamp of instrumentation-node.ts is not installed); per-address sign-in limits count all such clients together");
  }
  const secret = resolveAuthSecret();
  const users = await usersForSignIn();
  const result = await authenticate(
    { users, limiter: await signInLimiter(), production: process.env.NODE_ENV === "production" },
    {
      email,
      password: input.data.password,
      address,
      device: verifyDeviceCookie(secret, email, readCookie(request.headers.get("cookie"), DEVICE_COOKIE)),
    },
  );
  if (result.ok) {
    await rememberDevice(request, secret, email);
    return { ...result.editor, sessionId: result.sessionId, signedInAt: result.signedInAt };
  }
  if (result.reason === "rate-limited") throw new SignInThrottledError(result.retryAfterMs);
  return null;
}
