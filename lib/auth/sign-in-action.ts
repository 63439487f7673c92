"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signIn } from "@/lib/auth/next-auth";
import { tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { SignInThrottledError } from "@/lib/auth/sign-in-throttled-error";

export interface SignInState {
  error: string | null;
  /** Echoed back so a failed attempt does not empty the email field. */
  email: string;
}

/** One message for unknown email, wrong password and disabled account alike. */
const INVALID_CREDENTIALS = "Invalid email or password.";

const formSchema = z.object({
  email: z.string().trim().min(1),
  password: z.string().min(1),
  callbackUrl: z.string().optional(),
});

/** The sign-in form's action, for `useActionState`. On success Auth.js redirects, so it only ever returns failures. */
export async function signInAction(_prev: SignInState | undefined, formData: FormData): Promise<SignInState> {
  const form = formSchema.safeParse({
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  const email = String(formData.get("email") ?? "").trim();
  if (!form.success) return { error: "Enter your email and password.", email };

  try {
    await signIn("credentials", {
      email: form.data.email,
      password: form.data.password,
      redirectTo: safeCallbackUrl(form.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof SignInThrottledError) return { error: tooManyAttemptsMessage(error.retryAfterMs), email };
    if (error instanceof CredentialsSignin) return { error: INVALID_CREDENTIALS, email };
    if (error instanceof AuthError) {
      console.error("[auth] sign-in failed", error);
      return { error: "Sign-in is not available right now. Please try again.", email };
    }
    // Success arrives as Next's redirect "error"; it must keep travelling.
    throw error;
  }
  return { error: null, email };
}
