import path from "node:path";
import { redirect } from "next/navigation";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { scratchDir } from "@/tests/auth/helpers";
import { createFileUserStore } from "@/lib/auth/file-user-store";
import type { SessionEditor, UserStore } from "@/lib/auth/types";
import { ConflictError, SlugTakenError } from "@/lib/store/types";

// The session comes from Auth.js's `auth()`; the account behind it from the user store. Both are stand-ins here.
vi.mock("@/lib/auth/next-auth", () => ({ auth: vi.fn() }));
let users: UserStore;
vi.mock("@/lib/auth/user-store", () => ({ getUserStore: async () => users }));

const { auth } = await import("@/lib/auth/next-auth");
const { editorAction, GENERIC_ERROR } = await import("@/lib/auth/action");
const { ActionError } = await import("@/lib/auth/action-error");

let editor: SessionEditor;
let admin: SessionEditor;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const scratch = await scratchDir();
  cleanup = scratch.cleanup;
  users = createFileUserStore(path.join(scratch.dir, "users.json"));
  const toEditor = ({ id, email, name, role }: SessionEditor) => ({ id, email, name, role });
  editor = toEditor(await users.create({ email: "ed@example.com", name: "Ed", role: "editor", passwordHash: "$2b$12$e" }));
  admin = toEditor(await users.create({ email: "ad@example.com", name: "Ad", role: "admin", passwordHash: "$2b$12$a" }));
});
afterAll(() => cleanup());

function signedInAs(who: SessionEditor | null) {
  // `auth()` is overloaded (it also wraps middleware); the action only ever calls the no-argument form.
  vi.mocked(auth as unknown as () => Promise<unknown>).mockResolvedValue(
    who ? { editor: who, user: { email: who.email }, expires: new Date(Date.now() + 3600_000).toISOString() } : null,
  );
}

const titleSchema = z.object({ title: z.string().trim().min(1, "Title is required."), tags: z.array(z.string()).default([]) });

beforeEach(() => {
  vi.mocked(auth).mockReset();
});

describe("editorAction", () => {
  it("refuses anonymous callers before parsing input or running the body", async () => {
    signedInAs(null);
    const parse = vi.fn((value: unknown) => value);
    const body = vi.fn(async () => "saved");
    const action = editorAction(z.unknown().transform(parse), body);

    expect(await action(undefined, { title: "x" })).toEqual({ ok: false, error: "unauthorized" });
    expect(parse).not.toHaveBeenCalled();
    expect(body).not.toHaveBeenCalled();
  });

  it("treats a forged session shape as anonymous", async () => {
    const body = vi.fn(async () => "saved");
    const action = editorAction(titleSchema, body);

    vi.mocked(auth as unknown as () => Promise<unknown>).mockResolvedValue({ user: { email: editor.email } });
    expect(await action(undefined, { title: "x" })).toEqual({ ok: false, error: "unauthorized" });
    expect(body).not.toHaveBeenCalled();
  });

  it("refuses an editor an admin-only action, and lets an admin through", async () => {
    const body = vi.fn(async () => "done");
    const action = editorAction(titleSchema, body, { role: "admin" });

    signedInAs(editor);
    expect(await action(undefined, { title: "x" })).toEqual({ ok: false, error: "forbidden" });
    expect(body).not.toHaveBeenCalled();

    signedInAs(admin);
    expect(await action(undefined, { title: "x" })).toEqual({ ok: true, data: "done" });
  });

  it("returns field errors and does not run the body when the input is invalid", async () => {
    signedInAs(editor);
    const body = vi.fn(async () => "saved");
    const action = editorAction(titleSchema, body);

    const result = await action(undefined, { title: "   ", tags: [1] } as unknown as z.input<typeof titleSchema>);
    expect(result).toEqual({
      ok: false,
      code: "invalid",
      error: "Check the highlighted fields.",
      fieldErrors: { title: ["Title is required."], "tags.0": [expect.any(String)] },
    });
    expect(body).not.toHaveBeenCalled();
  });

  it("runs the body with the parsed input and the editor, from FormData as from a plain object", async () => {
    signedInAs(editor);
    const body = vi.fn(async (input: z.infer<typeof titleSchema>, ctx: { editor: SessionEditor }) => ({
      title: input.title,
      tags: input.tags,
      by: ctx.editor.email,
    }));
    const action = editorAction(titleSchema, body);

    const form = new FormData();
    form.append("title", "  云原生技术动态  ");
    form.append("tags", "kubernetes");
    form.append("tags", "ai");
    form.append("$ACTION_ID_abc", "");
    expect(await action(undefined, form)).toEqual({
      ok: true,
      data: { title: "云原生技术动态", tags: ["kubernetes", "ai"], by: "ed@example.com" },
    });
    expect(body).toHaveBeenLastCalledWith({ title: "云原生技术动态", tags: ["kubernetes", "ai"] }, { editor });

    expect(await action({ ok: true, data: { title: "", tags: [], by: "" } }, { title: "Plain" })).toEqual({
      ok: true,
      data: { title: "Plain", tags: [], by: "ed@example.com" },
    });
  });

  it("maps known domain errors to messages", async () => {
    signedInAs(editor);
    const failing = (error: Error) => editorAction(titleSchema, async () => Promise.reject(error))(undefined, { title: "x" });

    expect(await failing(new ConflictError(null))).toEqual({
      ok: false,
      code: "conflict",
      error: "This post was changed by someone else since you opened it.",
    });
    expect(await failing(new SlugTakenError("taken"))).toMatchObject({
      ok: false,
      code: "slug-taken",
      fieldErrors: { slug: ['The slug "taken" is already used by another post.'] },
    });
    expect(await failing(new ActionError("Too many tags.", "invalid", { tags: ["Too many tags."] }))).toEqual({
      ok: false,
      code: "invalid",
      error: "Too many tags.",
      fieldErrors: { tags: ["Too many tags."] },
    });
  });

  it("logs unknown errors and answers with a generic message that reveals nothing", async () => {
    signedInAs(editor);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const action = editorAction(titleSchema, async () => {
      throw new Error("connection string postgres://secret@db");
    });
    const result = await action(undefined, { title: "x" });
    expect(result).toEqual({ ok: false, code: "error", error: GENERIC_ERROR });
    expect(JSON.stringify(result)).not.toContain("secret");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("lets Next's redirect() from the body through", async () => {
    signedInAs(editor);
    const action = editorAction(titleSchema, async () => redirect("/admin/posts/x/edit"));
    await expect(action(undefined, { title: "x" })).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
  });
});
