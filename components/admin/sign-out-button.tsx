import { signOutAction } from "@/lib/auth/sign-out-action";

/** A form, not an onClick: signing out works before hydration and without JavaScript. */
export function SignOutButton({ label, className }: { label: string; className?: string }) {
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className={
          className ??
          "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
        }
      >
        {label}
      </button>
    </form>
  );
}
