import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionEditor } from "@/lib/auth/types";
import { ConflictError, SlugTakenError } from "@/lib/store/types";

// Who is signed in comes from lib/auth/session.ts (checked against the session store there; tested in
// lib/auth/sessions.test.ts and tests/auth/auth-flow.test.ts). Here it is a stand-in.
vi.mock("@/lib/auth/session", () => ({ getSessionEditor: vi.fn() }));

const { getSessionEditor } = await import("@/lib/auth/session");
const { editorAction, GENERIC_ERROR } = await import("@/lib/auth/action");
const { ActionError } = await import("@/lib/auth/action-error");

const author: SessionEditor = { id: "u-author", email: "au@example.com", name: "Au", role: "author" };
const editor: SessionEditor = { id: "u-editor", email: "ed@example.com", name: "Ed", role: "editor" };
const admin: SessionEditor = { id: "u-admin", email: "ad@example.com", name: "Ad", role: "admin" };

function signedInAs(who: SessionEditor | null) {
  vi.mocked(getSessionEditor).mockResolvedValue(who);
}

const edit = { action: "post.edit" } as const;

const titleSchema = z.object({ title: z.string().trim().min(1, "Title is required."), tags: z.array(z.string()).default([]) });

beforeEach(() => {
  vi.mocked(getSessionEditor).mockReset();
});

describe("editorAction", () => {
  it("refuses anonymous callers before parsing input or running the body", async () => {
    signedInAs(null);
    const parse = vi.fn((value: unknown) => value);
    const body = vi.fn(async () => "saved");
    const action = editorAction(z.unknown().transform(parse), body, edit);

    expect(await action(undefined, { title: "x" })).toEqual({ ok: false, error: "unauthorized" });
    expect(parse).not.toHaveBeenCalled();
    expect(body).not.toHaveBeenCalled();
  });

  it("answers 'unavailable' when the session cannot be read, and runs nothing", async () => {
    vi.mocked(getSessionEditor).mockRejectedValue(new Error("boom"));
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const body = vi.fn(async () => "saved");
    expect(await editorAction(titleSchema, body, edit)(undefined, { title: "x" })).toEqual({ ok: false, code: "unavailable", error: GENERIC_ERROR });
    expect(body).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it("refuses a role that may never do the action before reading the input: users for editors, publishing for authors", async () => {
    const parse = vi.fn((value: unknown) => value);
    const body = vi.fn(async () => "done");
    const manageUsers = editorAction(z.unknown().transform(parse), body, { action: "users.manage" });
    const publish = editorAction(z.unknown().transform(parse), body, { action: "post.publish" });

    signedInAs(editor);
    expect(await manageUsers(undefined, { title: "x" })).toEqual({ ok: false, error: "forbidden" });
    signedInAs(author);
    expect(await manageUsers(undefined, { title: "x" })).toEqual({ ok: false, error: "forbidden" });
    expect(await publish(undefined, { title: "x" })).toEqual({ ok: false, error: "forbidden" });
    expect(parse).not.toHaveBeenCalled();
    expect(body).not.toHaveBeenCalled();

    signedInAs(admin);
    expect(await manageUsers(undefined, { title: "x" })).toEqual({ ok: true, data: "done" });
    signedInAs(editor);
    expect(await publish(undefined, { title: "x" })).toEqual({ ok: true, data: "done" });
  });

  it("checks the parsed input against the post it touches: an author edits their own drafts only", async () => {
    const posts = {
      mine: { ownerId: author.id, status: "draft" as const },
      theirs: { ownerId: "u-other", status: "draft" as const },
      "mine-live": { ownerId: author.id, status: "published" as const },
    };
    const body = vi.fn(async ({ title }: { title: string }) => `saved ${title}`);
    const save = editorAction(titleSchema, body, {
      action: "post.edit",
      checks: ({ title }) => [{ action: "post.edit", post: posts[title as keyof typeof posts] }],
    });

    signedInAs(author);
    expect(await save(undefined, { title: "mine" })).toEqual({ ok: true, data: "saved mine" });
    expect(await save(undefined, { title: "theirs" })).toEqual({ ok: false, error: "forbidden" });
    expect(await save(undefined, { title: "mine-live" })).toEqual({ ok: false, error: "forbidden" });
    expect(body).toHaveBeenCalledTimes(1);

    signedInAs(editor);
    expect(await save(undefined, { title: "theirs" })).toEqual({ ok: true, data: "saved theirs" });
  });

  it("refuses when any one of several checks fails", async () => {
    const body = vi.fn(async () => "saved");
    const saveAndPublish = editorAction(titleSchema, body, {
      action: "post.edit",
      checks: () => [
        { action: "post.edit", post: { ownerId: author.id, status: "draft" } },
        { action: "post.publish", post: { ownerId: author.id, status: "draft" } },
      ],
    });
    signedInAs(author);
    expect(await saveAndPublish(undefined, { title: "x" })).toEqual({ ok: false, error: "forbidden" });
    expect(body).not.toHaveBeenCalled();
  });

  it("returns field errors and does not run the body when the input is invalid", async () => {
    signedInAs(editor);
    const body = vi.fn(async () => "saved");
    const action = editorAction(titleSchema, body, edit);

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
    const action = editorAction(titleSchema, body, edit);

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
    const failing = (error: Error) => editorAction(titleSchema, async () => Promise.reject(error), edit)(undefined, { title: "x" });

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
    const action = editorAction(
      titleSchema,
      async () => {
        throw new Error("connection string postgres://secret@db");
      },
      edit,
    );
    const result = await action(undefined, { title: "x" });
    expect(result).toEqual({ ok: false, code: "error", error: GENERIC_ERROR });
    expect(JSON.stringify(result)).not.toContain("secret");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("lets Next's redirect() from the body through", async () => {
    signedInAs(editor);
    const action = editorAction(titleSchema, async () => redirect("/admin/posts/x/edit"), edit);
    await expect(action(undefined, { title: "x" })).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
  });
});
