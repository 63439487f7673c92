// @vitest-environment happy-dom
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EditablePost, SaveOutcome, SavedPost } from "@/lib/admin/types";
import type { ActionState } from "@/lib/auth/action";
import { catalogues } from "@/lib/i18n/catalogue";
import type { PostInput } from "@/lib/store/types";

const router = { replace: vi.fn(), refresh: vi.fn(), push: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));
vi.mock("@/app/admin/actions", () => ({ savePost: vi.fn(), unpublishPost: vi.fn(), deletePost: vi.fn() }));

const actions = vi.mocked(await import("@/app/admin/actions"));
const { usePostEditor } = await import("@/components/admin/use-post-editor");
const { AdminI18nProvider } = await import("@/components/admin/i18n");
const { backupKey, writeBackup } = await import("@/components/admin/draft-backup");
const { postFormValuesFrom } = await import("@/components/admin/post-form-values");

const stored: PostInput = {
  slug: "k8s-weekly",
  title: "云原生周报",
  date: "2026-01-26T00:00:00.000Z",
  author: null,
  source: null,
  description: null,
  tags: ["kubernetes"],
  categories: [],
  draft: true,
  publishAt: null,
  cover: null,
  seoTitle: null,
  seoDescription: null,
  format: "md",
  body: "原始正文。\n",
  extra: {},
};
const initial = postFormValuesFrom(stored, "Asia/Shanghai");

function wrapper({ children }: { children: ReactNode }) {
  return (
    <AdminI18nProvider locale="zh-CN" messages={catalogues["zh-CN"]}>
      {children}
    </AdminI18nProvider>
  );
}

function editor(options: Partial<Parameters<typeof usePostEditor>[0]> = {}) {
  return renderHook(() => usePostEditor({ initial, originalSlug: "k8s-weekly", versionToken: "3", status: "draft", notice: null, timeZone: "Asia/Shanghai", ...options }), {
    wrapper,
  });
}

const saved = (post: Partial<SavedPost> = {}): ActionState<SaveOutcome> => ({
  ok: true,
  data: { status: "saved", post: { slug: "k8s-weekly", versionToken: "4", status: "draft", ...post } },
});

/** An action call that answers when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** The session endpoint `thrownActionCause` asks when an action call throws. */
function sessionAnswers(body: unknown) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })));
}

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, "", "/admin/posts/k8s-weekly/edit");
  vi.clearAllMocks();
});
afterEach(() => vi.unstubAllGlobals());

describe("usePostEditor: saving", () => {
  it("saves with the token it holds, takes the new one, and keeps what was typed while the save travelled", async () => {
    const answer = deferred<ActionState<SaveOutcome>>();
    actions.savePost.mockReturnValueOnce(answer.promise);
    const { result } = editor();
    act(() => result.current.set("body", "第二版。\n"));
    expect(result.current.dirty).toBe(true);

    let saving!: Promise<void>;
    act(() => {
      saving = result.current.save("save");
    });
    await waitFor(() => expect(result.current.pending).toBe(true));
    const sent = actions.savePost.mock.calls[0][1] as FormData;
    expect([sent.get("versionToken"), sent.get("originalSlug"), sent.get("body"), sent.get("intent")]).toEqual(["3", "k8s-weekly", "第二版。\n", "save"]);

    act(() => result.current.set("body", "第二版。\n保存途中又写了一行。\n"));
    await act(async () => {
      answer.resolve(saved());
      await saving;
    });
    expect(result.current.versionToken).toBe("4");
    expect(result.current.announcement).toEqual({ tone: "success", text: "已保存" });
    expect(result.current.values.body).toBe("第二版。\n保存途中又写了一行。\n");
    expect(result.current.savedValues.body).toBe("第二版。\n");
    expect(result.current.dirty).toBe(true);
    expect(result.current.pending).toBe(false);
    expect(router.replace).not.toHaveBeenCalled();
  });

  it("moves to the post's new address after a rename or the first save, saying what happened there", async () => {
    actions.savePost.mockResolvedValueOnce(saved({ slug: "renamed", status: "published" }));
    const { result } = editor();
    await act(() => result.current.save("publish"));
    expect((actions.savePost.mock.calls[0][1] as FormData).get("intent")).toBe("publish");
    expect(router.replace).toHaveBeenCalledWith("/admin/posts/renamed/edit?notice=published");
  });

  it("shows field errors in the editor's language and clears one as its field is edited", async () => {
    actions.savePost.mockResolvedValueOnce({ ok: false, code: "invalid", error: "Check the highlighted fields.", fieldErrors: { date: ["dateInvalid"], title: ["titleRequired"] } });
    const { result } = editor();
    await act(() => result.current.save("save"));
    expect(result.current.fieldErrors).toEqual({ date: "这个日期不存在。", title: "标题不能为空。" });
    expect(result.current.announcement).toEqual({ tone: "error", text: "请检查标出的字段。" });
    act(() => result.current.set("date", "2026-01-27"));
    expect(result.current.fieldErrors).toEqual({ title: "标题不能为空。" });
  });

  it("ignores a second save while one is on its way (Ctrl+S pressed twice)", async () => {
    const answer = deferred<ActionState<SaveOutcome>>();
    actions.savePost.mockReturnValueOnce(answer.promise);
    const { result } = editor();
    let first!: Promise<void>;
    act(() => {
      first = result.current.save("save");
    });
    await waitFor(() => expect(result.current.pending).toBe(true));
    await act(() => result.current.save("save"));
    expect(actions.savePost).toHaveBeenCalledTimes(1);
    await act(async () => {
      answer.resolve(saved());
      await first;
    });
  });
});

describe("usePostEditor: conflicts", () => {
  const theirs: EditablePost = {
    input: { ...stored, body: "别人保存的正文。\n", title: "别人的标题" },
    versionToken: "9",
    status: "published",
    source: "database",
    updatedAt: null,
    ownerId: null,
  };

  it("keeps the editor's text when someone else saved first, and overwrites only with the other version's token", async () => {
    actions.savePost.mockResolvedValueOnce({ ok: true, data: { status: "conflict", current: theirs, message: "changed" } });
    const { result } = editor();
    act(() => result.current.set("body", "我的正文。\n"));
    await act(() => result.current.save("save"));
    expect(result.current.conflict).toEqual({ current: theirs, intent: "save" });
    expect(result.current.values.body).toBe("我的正文。\n");
    expect(result.current.versionToken).toBe("3");

    actions.savePost.mockResolvedValueOnce(saved({ versionToken: "10" }));
    await act(async () => result.current.overwrite());
    await waitFor(() => expect(result.current.versionToken).toBe("10"));
    const overwrite = actions.savePost.mock.calls[1][1] as FormData;
    expect([overwrite.get("versionToken"), overwrite.get("body")]).toEqual(["9", "我的正文。\n"]);
    expect(result.current.conflict).toBeNull();
  });

  it("loads the other version on request, as the new saved state", async () => {
    actions.savePost.mockResolvedValueOnce({ ok: true, data: { status: "conflict", current: theirs, message: "changed" } });
    const { result } = editor();
    act(() => result.current.set("body", "我的正文。\n"));
    await act(() => result.current.save("save"));
    act(() => result.current.takeTheirs());
    expect(result.current.values.body).toBe("别人保存的正文。\n");
    expect(result.current.values.title).toBe("别人的标题");
    expect(result.current.versionToken).toBe("9");
    expect(result.current.status).toBe("published");
    expect(result.current.dirty).toBe(false);
    expect(result.current.conflict).toBeNull();
  });
});

describe("usePostEditor: an expired session", () => {
  it("writes the typed text to this browser, then goes to sign in and back", async () => {
    actions.savePost.mockResolvedValueOnce({ ok: false, error: "unauthorized" });
    const { result } = editor();
    act(() => result.current.set("body", "会话过期前输入的文字。\n"));
    await act(() => result.current.save("save"));
    expect(router.push).toHaveBeenCalledWith(`/admin/login?callbackUrl=${encodeURIComponent("/admin/posts/k8s-weekly/edit")}`);
    const backup = JSON.parse(window.localStorage.getItem(backupKey("k8s-weekly")) ?? "null");
    expect(backup).toMatchObject({ baseVersionToken: "3", values: { body: "会话过期前输入的文字。\n" } });
    expect(result.current.announcement?.text).toMatch(/登录已过期/);
    expect(result.current.values.body).toBe("会话过期前输入的文字。\n");
  });

  it("tells a thrown call with no session from an unreachable server", async () => {
    actions.savePost.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    sessionAnswers({ expires: "2099-01-01T00:00:00Z" });
    const { result } = editor();
    await act(() => result.current.save("save"));
    expect(result.current.announcement).toEqual({ tone: "error", text: "无法连接服务器。没有保存任何内容；你的文字还在。" });
    expect(router.push).not.toHaveBeenCalled();

    actions.savePost.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    sessionAnswers(null);
    await act(() => result.current.save("save"));
    expect(router.push).toHaveBeenCalledTimes(1);
  });
});

describe("usePostEditor: the other safety nets", () => {
  it("asks before deleting, and deletes with the token it holds", async () => {
    const confirm = vi.fn(() => false);
    const { result } = editor({ confirm });
    await act(() => result.current.remove());
    expect(confirm).toHaveBeenCalledWith(catalogues["zh-CN"].editor.confirmDelete);
    expect(actions.deletePost).not.toHaveBeenCalled();

    confirm.mockReturnValue(true);
    actions.deletePost.mockResolvedValueOnce({ ok: true, data: { slug: "k8s-weekly" } });
    act(() => result.current.set("body", "未保存"));
    await act(() => result.current.remove());
    expect(confirm).toHaveBeenLastCalledWith(catalogues["zh-CN"].editor.confirmDeleteUnsaved);
    expect(actions.deletePost).toHaveBeenCalledWith(undefined, { slug: "k8s-weekly", versionToken: "3" });
    expect(router.refresh).toHaveBeenCalled();
  });

  it("unpublishes with the token it holds and shows the post as a draft", async () => {
    actions.unpublishPost.mockResolvedValueOnce({ ok: true, data: { slug: "k8s-weekly", versionToken: "5", status: "draft" } });
    const { result } = editor({ status: "published", initial: { ...initial, draft: false } });
    await act(() => result.current.unpublish());
    expect(actions.unpublishPost).toHaveBeenCalledWith(undefined, { slug: "k8s-weekly", versionToken: "3" });
    expect([result.current.status, result.current.values.draft, result.current.versionToken, result.current.dirty]).toEqual(["draft", true, "5", false]);
    expect(result.current.announcement).toEqual({ tone: "success", text: "已取消发布" });
  });

  it("offers text an earlier visit left unsaved, and a restored backup saves against the version it was based on", async () => {
    writeBackup(window.localStorage, "k8s-weekly", { values: { ...initial, body: "上次没保存的文字。\n" }, baseVersionToken: "2" });
    const { result } = editor();
    await waitFor(() => expect(result.current.backupOffer).not.toBeNull());
    expect(result.current.backupIsStale).toBe(true);
    act(() => result.current.restoreBackup());
    expect(result.current.values.body).toBe("上次没保存的文字。\n");
    expect(result.current.versionToken).toBe("2");
    expect(result.current.backupOffer).toBeNull();
  });

  it("keeps unsaved text in this browser after a pause in typing, and forgets it once saved", async () => {
    actions.savePost.mockResolvedValueOnce(saved());
    const { result } = editor();
    act(() => result.current.set("body", "正在写。\n"));
    // Written after the typing pause (800 ms), not at once.
    expect(window.localStorage.getItem(backupKey("k8s-weekly"))).toBeNull();
    await waitFor(() => expect(window.localStorage.getItem(backupKey("k8s-weekly"))).toContain("正在写。"), { timeout: 3_000 });
    await act(() => result.current.save("save"));
    expect(window.localStorage.getItem(backupKey("k8s-weekly"))).toBeNull();
  });
});

describe("usePostEditor: server autosave", () => {
  afterEach(() => vi.useRealTimers());

  it("saves a draft once typing pauses, with the token it holds, and says when", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    actions.savePost.mockResolvedValue(saved());
    const { result } = editor();
    act(() => result.current.set("body", "正在"));
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    act(() => result.current.set("body", "正在写。\n"));
    await act(() => vi.advanceTimersByTimeAsync(1_900));
    // Still typing: the wait started again with the last keystroke.
    expect(actions.savePost).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(200));
    await waitFor(() => expect(result.current.autosave.kind).toBe("saved"));
    expect(actions.savePost).toHaveBeenCalledTimes(1);
    const sent = actions.savePost.mock.calls[0]?.[1] as FormData;
    expect([sent.get("body"), sent.get("versionToken"), sent.get("intent")]).toEqual(["正在写。\n", "3", "save"]);
    expect([result.current.dirty, result.current.versionToken]).toEqual([false, "4"]);
  });

  it("stops at a newer version saved elsewhere: the conflict panel, the text kept, no second autosave", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const theirs: EditablePost = { input: { ...stored, title: "别人的标题" }, versionToken: "9", status: "draft", source: "database", updatedAt: null, ownerId: null };
    actions.savePost.mockResolvedValue({ ok: true, data: { status: "conflict", current: theirs, message: "changed" } });
    const { result } = editor();
    act(() => result.current.set("body", "我的新段落。\n"));
    await act(() => vi.advanceTimersByTimeAsync(2_100));
    await waitFor(() => expect(result.current.conflict).not.toBeNull());
    expect(result.current.values.body).toBe("我的新段落。\n");
    act(() => result.current.set("body", "我的新段落，继续写。\n"));
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(actions.savePost).toHaveBeenCalledTimes(1);
  });

  it("never autosaves a published post: its changes go live only on the editor's click", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { result } = editor({ status: "published", initial: { ...initial, draft: false } });
    act(() => result.current.set("body", "已发布文章的修改。\n"));
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(actions.savePost).not.toHaveBeenCalled();
    expect(result.current.dirty).toBe(true);
  });

  it("a save clicked during an autosave waits for it and names the version it made", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const first = deferred<ActionState<SaveOutcome>>();
    actions.savePost.mockReturnValueOnce(first.promise).mockResolvedValueOnce(saved({ versionToken: "5" }));
    const { result } = editor();
    act(() => result.current.set("body", "第一段。\n"));
    await act(() => vi.advanceTimersByTimeAsync(2_100));
    expect(actions.savePost).toHaveBeenCalledTimes(1);
    act(() => result.current.set("title", "新标题"));
    let clicked!: Promise<void>;
    act(() => {
      clicked = result.current.save("save");
    });
    await act(async () => first.resolve(saved({ versionToken: "4" })));
    await act(() => clicked);
    expect(actions.savePost).toHaveBeenCalledTimes(2);
    expect((actions.savePost.mock.calls[1]?.[1] as FormData).get("versionToken")).toBe("4");
    expect(result.current.versionToken).toBe("5");
  });
});
