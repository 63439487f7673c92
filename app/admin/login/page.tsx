import type { Metadata } from "next";
import { redirect, unstable_rethrow } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionEditor } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = {
  title: "Sign in",
  robots: { index: false, follow: false },
};

/** The form must still show when the user store is down; signing in then explains that it is unavailable. */
async function alreadySignedIn(): Promise<boolean> {
  try {
    return (await getSessionEditor()) !== null;
  } catch (error) {
    unstable_rethrow(error);
    console.error("[auth] could not read the session on the sign-in page", error);
    return false;
  }
}

/** Auth.js's own endpoints report failures as `?error=…&code=…` when they redirect here. */
function errorNotice(error: unknown, code: unknown): string | null {
  if (typeof error !== "string") return null;
  if (code === "rate_limited") return "Too many attempts, try again later.";
  if (error === "CredentialsSignin") return "Invalid email or password.";
  return "Sign-in failed. Please try again.";
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, error, code } = await searchParams;
  const target = safeCallbackUrl(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  if (await alreadySignedIn()) redirect(target);

  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      <h1 className="mb-6 text-2xl font-semibold">Sign in to edit the digest</h1>
      <LoginForm callbackUrl={target} notice={errorNotice(error, code)} />
    </main>
  );
}
