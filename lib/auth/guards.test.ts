import { beforeEach, describe, expect, it, vi } from "vitest";
import { ForbiddenError, UnauthorizedError } from "@/lib/auth/errors";
import type { SessionEditor } from "@/lib/auth/types";

vi.mock("@/lib/auth/session", () => ({ getSessionEditor: vi.fn() }));
const { getSessionEditor } = await import("@/lib/auth/session");
const { requireAdmin, requireAdminPage, requireEditor, requireEditorPage } = await import("@/lib/auth/guards");

const editor: SessionEditor = { id: "u1", email: "ed@example.com", name: "Ed", role: "editor" };
const admin: SessionEditor = { id: "u2", email: "ad@example.com", name: "Ad", role: "admin" };

/** Next's redirect() throws an error whose digest is "NEXT_REDIRECT;<type>;<url>;<status>;". */
async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
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

describe("requireEditor / requireAdmin", () => {
  it("throw UnauthorizedError when nobody is signed in", async () => {
    vi.mocked(getSessionEditor).mockResolvedValue(null);
    await expect(requireEditor()).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(requireAdmin()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("return the editor; requireAdmin throws ForbiddenError for a mere editor", async () => {
    vi.mocked(getSessionEditor).mockResolvedValue(editor);
    await expect(requireEditor()).resolves.toEqual(editor);
    await expect(requireAdmin()).rejects.toBeInstanceOf(ForbiddenError);
    vi.mocked(getSessionEditor).mockResolvedValue(admin);
    await expect(requireAdmin()).resolves.toEqual(admin);
    await expect(requireEditor()).resolves.toEqual(admin);
  });
});

describe("page guards", () => {
  it("send anonymous visitors to the sign-in page with the path to come back to", async () => {
    vi.mocked(getSessionEditor).mockResolvedValue(null);
    expect(await redirectTarget(() => requireEditorPage("/admin/posts/x/edit?tab=1"))).toBe(
      "/admin/login?callbackUrl=%2Fadmin%2Fposts%2Fx%2Fedit%3Ftab%3D1",
    );
  });

  it("let editors in, and send a non-admin away from admin pages", async () => {
    vi.mocked(getSessionEditor).mockResolvedValue(editor);
    await expect(requireEditorPage("/admin")).resolves.toEqual(editor);
    expect(await redirectTarget(() => requireAdminPage("/admin/users"))).toBe("/admin");
    vi.mocked(getSessionEditor).mockResolvedValue(admin);
    await expect(requireAdminPage("/admin/users")).resolves.toEqual(admin);
  });
});
