import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionEditor } from "@/lib/auth/types";

vi.mock("@/lib/auth/session", () => ({ getSessionEditor: vi.fn() }));
const { getSessionEditor } = await import("@/lib/auth/session");
const { requireActionPage, requireEditorPage, requirePermissionPage } = await import("@/lib/auth/guards");

const author: SessionEditor = { id: "u0", email: "au@example.com", name: "Au", role: "author" };
const editor: SessionEditor = { id: "u1", email: "ed@example.com", name: "Ed", role: "editor" };
const admin: SessionEditor = { id: "u2", email: "ad@example.com", name: "Ad", role: "admin" };

/** Next's redirect() throws an error whose digest is "NEXT_REDIRECT;<type>;<url>;<status>;". */
async function redirectTarget(run: () => unknown): Promise<string> {
  const error = await Promise.resolve()
    .then(run)
    .then(
      () => {
        throw new Error("expected a redirect");
      },
      (thrown: { digest?: string }) => thrown,
    );
  const digest = String(error.digest);
  expect(digest.startsWith("NEXT_REDIRECT")).toBe(true);
  return digest.split(";")[2];
}

beforeEach(() => {
  vi.mocked(getSessionEditor).mockReset();
});

describe("page guards", () => {
  it("send anonymous visitors to the sign-in page with the path to come back to", async () => {
    vi.mocked(getSessionEditor).mockResolvedValue(null);
    expect(await redirectTarget(() => requireEditorPage("/admin/posts/x/edit?tab=1"))).toBe(
      "/admin/login?callbackUrl=%2Fadmin%2Fposts%2Fx%2Fedit%3Ftab%3D1",
    );
    expect(await redirectTarget(() => requireActionPage("/admin/users", "users.manage"))).toBe("/admin/login?callbackUrl=%2Fadmin%2Fusers");
  });

  it("send an editor whose role may not to the forbidden page", async () => {
    vi.mocked(getSessionEditor).mockResolvedValue(editor);
    await expect(requireEditorPage("/admin")).resolves.toEqual(editor);
    expect(await redirectTarget(() => requireActionPage("/admin/users", "users.manage"))).toBe("/admin/forbidden");
    vi.mocked(getSessionEditor).mockResolvedValue(admin);
    await expect(requireActionPage("/admin/users", "users.manage")).resolves.toEqual(admin);

    expect(await redirectTarget(() => requirePermissionPage(author, "post.view", { ownerId: "someone-else", status: "draft" }))).toBe("/admin/forbidden");
    expect(requirePermissionPage(author, "post.view", { ownerId: author.id, status: "published" })).toBeUndefined();
  });
});
