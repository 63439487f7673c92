"use client";

import { useActionState, useId } from "react";
import { failureMessage, firstFieldErrors } from "@/components/admin/action-feedback";
import { useT } from "@/components/admin/i18n";
import { inputClass, primaryButtonClass, secondaryButtonClass, dangerButtonClass } from "@/components/admin/styles";
import type { ActionState } from "@/lib/auth/action";
import { ROLES, type Role } from "@/lib/auth/types";
import {
  changeRoleAction,
  createUserAction,
  resetPasswordAction,
  setDisabledAction,
  signOutUserEverywhereAction,
  type PasswordHandover,
} from "./actions";

/** The outcome of the last submit, for people and screen readers. */
function Outcome<R>({ state, success }: { state: ActionState<R> | undefined; success: (data: R) => string }) {
  const t = useT();
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="text-sm text-emerald-800 dark:text-emerald-200">
      {success(state.data)}
    </p>
  ) : (
    <p role="alert" className="text-sm text-red-800 dark:text-red-200">
      {failureMessage(state, t)}
    </p>
  );
}

/** A password the admin must pass on: shown once, selectable, never stored in clear. */
function Handover({ state }: { state: ActionState<PasswordHandover> | undefined }) {
  if (!state?.ok) return null;
  return (
    <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
      {state.data.generated ? "Password for " : "Password set for "}
      {state.data.email}: <code data-testid="handover-password" className="select-all font-mono">{state.data.password}</code>
      <span className="block text-xs">Give it to them now: it is not shown again.</span>
    </p>
  );
}

export function CreateUserForm() {
  const t = useT();
  const [state, action, pending] = useActionState(createUserAction, undefined);
  const errors = state && !state.ok ? firstFieldErrors(state, t) : {};
  const id = useId();
  return (
    <form action={action} className="grid max-w-3xl gap-3 sm:grid-cols-2" noValidate>
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-medium">
          Email
        </label>
        <input id={`${id}-email`} name="email" type="email" required className={inputClass} aria-invalid={errors.email ? true : undefined} />
        {errors.email ? <p className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.email}</p> : null}
      </div>
      <div>
        <label htmlFor={`${id}-name`} className="block text-sm font-medium">
          Name
        </label>
        <input id={`${id}-name`} name="name" className={inputClass} />
      </div>
      <div>
        <label htmlFor={`${id}-role`} className="block text-sm font-medium">
          Role
        </label>
        <select id={`${id}-role`} name="role" defaultValue="author" className={inputClass}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="block text-sm font-medium">
          Initial password
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="text"
          autoComplete="new-password"
          aria-describedby={`${id}-password-hint`}
          aria-invalid={errors.password ? true : undefined}
          className={inputClass}
        />
        <p id={`${id}-password-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Leave empty to generate one.
        </p>
        {errors.password ? <p className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.password}</p> : null}
      </div>
      <div className="sm:col-span-2 space-y-2">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          Create user
        </button>
        {state && !state.ok && Object.keys(errors).length === 0 ? <Outcome state={state} success={() => ""} /> : null}
        <Handover state={state} />
      </div>
    </form>
  );
}

export function RoleForm({ email, role }: { email: string; role: Role }) {
  const [state, action, pending] = useActionState(changeRoleAction, undefined);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="email" value={email} />
      <select name="role" defaultValue={role} aria-label={`Role of ${email}`} className={`${inputClass} mt-0 w-auto`}>
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        Change role
      </button>
      <Outcome state={state} success={(data) => `${data.email} is now ${data.role}.`} />
    </form>
  );
}

export function DisableForm({ email, disabled }: { email: string; disabled: boolean }) {
  const [state, action, pending] = useActionState(setDisabledAction, undefined);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <button type="submit" disabled={pending} className={disabled ? secondaryButtonClass : dangerButtonClass}>
        {disabled ? "Enable" : "Disable"}
      </button>
      <Outcome state={state} success={(data) => `${data.email} is ${data.disabled ? "disabled and signed out" : "enabled"}.`} />
    </form>
  );
}

export function ResetPasswordForm({ email }: { email: string }) {
  const t = useT();
  const [state, action, pending] = useActionState(resetPasswordAction, undefined);
  const errors = state && !state.ok ? firstFieldErrors(state, t) : {};
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="email" value={email} />
      <input
        name="password"
        type="text"
        autoComplete="new-password"
        placeholder="new password (empty: generate)"
        aria-label={`New password for ${email}`}
        className={`${inputClass} mt-0 w-56`}
      />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        Reset password
      </button>
      {errors.password ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{errors.password}</p> : null}
      {state && !state.ok && !errors.password ? <Outcome state={state} success={() => ""} /> : null}
      <Handover state={state} />
    </form>
  );
}

export function SignOutUserForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(signOutUserEverywhereAction, undefined);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="email" value={email} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        Sign out everywhere
      </button>
      <Outcome state={state} success={(data) => `${data.email}: ${data.ended === 1 ? "1 session" : `${data.ended} sessions`} ended.`} />
    </form>
  );
}
