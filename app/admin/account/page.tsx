import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { requireEditorPage } from "@/lib/auth/guards";
import { defaultSessionDeps } from "@/lib/auth/sessions";
import { getUserStore } from "@/lib/auth/user-store";
import { SignOutEverywhereForm } from "./sign-out-everywhere-form";

export const metadata: Metadata = { title: "Account", robots: { index: false, follow: false } };

async function activeSessions(userId: string): Promise<number | null> {
  try {
    const deps = defaultSessionDeps(getUserStore);
    return (await (await deps.users()).listSessions()).filter((session) => session.userId === userId).length;
  } catch {
    // The store is away (the banner says so); the count is not worth an error page.
    return null;
  }
}

export default async function AccountPage() {
  const editor = await requireEditorPage("/admin/account");
  const sessions = await activeSessions(editor.id);
  return (
    <AdminShell editor={editor} section="account">
      <h1 className="mb-4 text-2xl font-semibold text-slate-900 dark:text-white">Account</h1>
      <dl className="mb-6 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="font-medium">Email</dt>
        <dd>{editor.email}</dd>
        <dt className="font-medium">Name</dt>
        <dd>{editor.name}</dd>
        <dt className="font-medium">Role</dt>
        <dd data-testid="account-role">{editor.role}</dd>
        {sessions !== null ? (
          <>
            <dt className="font-medium">Signed in</dt>
            <dd>{sessions === 1 ? "in 1 browser" : `in ${sessions} browsers`}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="everywhere-heading" className="max-w-xl space-y-2">
        <h2 id="everywhere-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
          Sign out everywhere
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Ends every session of this account on every device, this one included. Use it when a device is lost or you
          signed in somewhere you should not have.
        </p>
        <SignOutEverywhereForm />
      </section>
    </AdminShell>
  );
}
