"use client";

import { useActionState } from "react";
import { useT } from "@/components/admin/i18n";
import { signInAction, type SignInState } from "@/lib/auth/sign-in-action";
import { signInMessage } from "./sign-in-messages";

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm " +
  "focus:border-sky-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice: string | null }) {
  const t = useT();
  const [state, formAction, pending] = useActionState<SignInState | undefined, FormData>(signInAction, undefined);
  // The page's notice describes how we got here; once the editor has tried, the attempt's own result replaces it.
  const message = state ? (state.error === null ? null : signInMessage(state.error, t)) : notice;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {message && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {message}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {t("login.email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state?.email ?? ""}
          className={field}
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t("login.password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={field} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-sky-600 px-4 py-2 font-medium text-white hover:bg-sky-700 disabled:opacity-60"
      >
        {t("login.submit")}
      </button>
    </form>
  );
}
