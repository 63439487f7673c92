import type { Metadata } from "next";
import { redirect, unstable_rethrow } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionEditor } from "@/lib/auth/session";
import type { AdminTranslator } from "@/lib/i18n/catalogue";
import { getAdminI18n } from "@/lib/i18n/server";
import { LocaleSwitcher } from "@/components/admin/locale-switcher";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getAdminI18n();
  return { title: t("meta.signIn"), robots: { index: false, follow: false } };
}

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
function errorNotice(error: unknown, code: unknown, t: AdminTranslator): string | null {
  if (typeof error !== "string") return null;
  if (code === "rate_limited") return t("login.tooManyAttempts");
  if (error === "CredentialsSignin") return t("login.invalidCredentials");
  return t("login.failed");
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, error, code } = await searchParams;
  const target = safeCallbackUrl(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  if (await alreadySignedIn()) redirect(target);
  const { t } = await getAdminI18n();

  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-start justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t("login.heading")}</h1>
        <LocaleSwitcher />
      </div>
      <LoginForm callbackUrl={target} notice={errorNotice(error, code, t)} />
    </main>
  );
}
