"use client";

import { useActionState } from "react";
import { failureMessage } from "@/components/admin/action-feedback";
import { useT } from "@/components/admin/i18n";
import { dangerButtonClass } from "@/components/admin/styles";
import { signOutEverywhereAction } from "./actions";

/** A form, so it works before hydration; on success the action redirects to the sign-in page. */
export function SignOutEverywhereForm() {
  const t = useT();
  const [state, action, pending] = useActionState(signOutEverywhereAction, undefined);
  return (
    <form action={action} className="space-y-2">
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-200">
          {failureMessage(state, t)}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={dangerButtonClass}>
        Sign out everywhere
      </button>
    </form>
  );
}
