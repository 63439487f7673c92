// @vitest-environment happy-dom
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/auth/action";
import { catalogues } from "@/lib/i18n/catalogue";

const router = { replace: vi.fn(), refresh: vi.fn(), push: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const { useEditorAction } = await import("@/components/admin/use-editor-action");
const { AdminI18nProvider } = await import("@/components/admin/i18n");

function wrapper({ children }: { children: ReactNode }) {
  return (
    <AdminI18nProvider locale="en" messages={catalogues.en}>
      {children}
    </AdminI18nProvider>
  );
}

type Action = (prev: undefined, input: { slug: string }) => Promise<ActionState<{ slug: string }>>;

beforeEach(() => {
  vi.clearAllMocks();
  window.history.replaceState(null, "", "/admin/posts/a/revisions?revision=r1");
});
afterEach(() => vi.unstubAllGlobals());

describe("useEditorAction", () => {
  it("is pending while the action runs and keeps its result", async () => {
    let answer!: (state: ActionState<{ slug: string }>) => void;
    const action = vi.fn<Action>(() => new Promise((resolve) => (answer = resolve)));
    const { result } = renderHook(() => useEditorAction(action), { wrapper });
    expect(result.current.pending).toBe(false);
    let run!: Promise<unknown>;
    act(() => {
      run = result.current.run({ slug: "a" });
    });
    await waitFor(() => expect(result.current.pending).toBe(true));
    expect(action).toHaveBeenCalledWith(undefined, { slug: "a" });
    await act(async () => {
      answer({ ok: true, data: { slug: "a" } });
      expect(await run).toEqual({ ok: true, data: { slug: "a" } });
    });
    expect(result.current).toMatchObject({ pending: false, error: null, result: { slug: "a" } });
  });

  it("turns a refusal into one message in the editor's language", async () => {
    const action = vi.fn<Action>(async () => ({ ok: false, code: "not-found", error: 'No post with the slug "a".' }));
    const { result } = renderHook(() => useEditorAction(action), { wrapper });
    let outcome: unknown;
    await act(async () => {
      outcome = await result.current.run({ slug: "a" });
    });
    expect(outcome).toMatchObject({ ok: false, reason: "failed", message: "The post cannot be found." });
    expect(result.current.error).toBe("The post cannot be found.");
    act(() => result.current.clearError());
    expect(result.current.error).toBeNull();
  });

  it("signs in again after keeping the text, coming back to the same page", async () => {
    const beforeSignIn = vi.fn();
    const action = vi.fn<Action>(async () => ({ ok: false, error: "unauthorized" }));
    const { result } = renderHook(() => useEditorAction(action, { beforeSignIn }), { wrapper });
    await act(() => result.current.run({ slug: "a" }));
    expect(beforeSignIn).toHaveBeenCalledOnce();
    expect(beforeSignIn.mock.invocationCallOrder[0]).toBeLessThan(router.push.mock.invocationCallOrder[0]);
    expect(router.push).toHaveBeenCalledWith(`/admin/login?callbackUrl=${encodeURIComponent("/admin/posts/a/revisions?revision=r1")}`);
  });

  it("only reports an expired session for work the editor did not ask for", async () => {
    const action = vi.fn<Action>(async () => ({ ok: false, error: "unauthorized" }));
    const { result } = renderHook(() => useEditorAction(action, { unauthorized: "message" }), { wrapper });
    let outcome: unknown;
    await act(async () => {
      outcome = await result.current.run({ slug: "a" });
    });
    expect(outcome).toMatchObject({ ok: false, reason: "unauthorized" });
    expect(result.current.error).toMatch(/session has expired/);
    expect(router.push).not.toHaveBeenCalled();
  });

  it("tells an unreachable server from a lost session when the call throws", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ expires: "2099-01-01" }))));
    const action = vi.fn<Action>(async () => {
      throw new TypeError("Failed to fetch");
    });
    const { result } = renderHook(() => useEditorAction(action), { wrapper });
    let outcome: unknown;
    await act(async () => {
      outcome = await result.current.run({ slug: "a" });
    });
    expect(outcome).toMatchObject({ ok: false, reason: "unreachable" });
    expect(result.current.error).toBe("The server could not be reached. Nothing was saved; your text is still here.");
    expect(router.push).not.toHaveBeenCalled();
  });
});
