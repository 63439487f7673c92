import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { revisionTimeFormat } from "@/components/admin/revision-labels";
import { getAdminI18n } from "@/lib/i18n/server";
import { requireActionPage } from "@/lib/auth/guards";
import { defaultSessionDeps } from "@/lib/auth/sessions";
import { listUserRows } from "@/lib/auth/user-admin";
import { getUserStore } from "@/lib/auth/user-store";
import { CreateUserForm, DisableForm, ResetPasswordForm, RoleForm, SignOutUserForm } from "./user-forms";

export const metadata: Metadata = { title: "Users", robots: { index: false, follow: false } };

/** Admins only (lib/auth/permissions.ts: "users.manage"); everyone else is sent to /admin/forbidden. */
export default async function UsersPage() {
  const editor = await requireActionPage("/admin/users", "users.manage");
  const timeFormat = revisionTimeFormat((await getAdminI18n()).locale);
  const users = await listUserRows(defaultSessionDeps(getUserStore));
  return (
    <AdminShell editor={editor} section="users">
      <h1 className="mb-4 text-2xl font-semibold text-slate-900 dark:text-white">Users</h1>
      <section aria-labelledby="create-heading" className="mb-8 space-y-3">
        <h2 id="create-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
          Create a user
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Authors write drafts and edit their own; editors publish and edit every post; admins also manage users.
        </p>
        <CreateUserForm />
      </section>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 dark:border-slate-800">
            <tr>
              <th scope="col" className="py-2 pr-4">Email</th>
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Last sign-in</th>
              <th scope="col" className="py-2 pr-4">Signed in</th>
              <th scope="col" className="py-2">Manage</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-slate-100 align-top dark:border-slate-900">
                <th scope="row" className="py-3 pr-4 font-medium">
                  {user.email}
                  {user.id === editor.id ? <span className="ml-1 text-xs font-normal text-slate-500">(you)</span> : null}
                </th>
                <td className="py-3 pr-4">{user.name}</td>
                <td className="py-3 pr-4">{user.disabled ? "disabled" : "active"}</td>
                <td className="py-3 pr-4">
                  {user.lastSignInAt ? <time dateTime={user.lastSignInAt}>{timeFormat.format(new Date(user.lastSignInAt))}</time> : "never"}
                </td>
                <td className="py-3 pr-4">{user.activeSessions === 1 ? "1 session" : `${user.activeSessions} sessions`}</td>
                <td className="space-y-2 py-3">
                  <RoleForm email={user.email} role={user.role} />
                  <ResetPasswordForm email={user.email} />
                  <div className="flex flex-wrap gap-2">
                    <SignOutUserForm email={user.email} />
                    <DisableForm email={user.email} disabled={user.disabled} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminShell>
  );
}
