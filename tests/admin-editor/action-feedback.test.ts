import { describe, expect, it } from "vitest";
import { FORBIDDEN_MESSAGE, SESSION_EXPIRED_MESSAGE, failureMessage, firstFieldErrors } from "@/components/admin/action-feedback";

describe("failureMessage", () => {
  it("explains an expired session and promises the text is kept", () => {
    expect(failureMessage({ ok: false, error: "unauthorized" })).toBe(SESSION_EXPIRED_MESSAGE);
    expect(SESSION_EXPIRED_MESSAGE).toMatch(/sign in again in another tab; your text is still here/);
  });

  it("translates the forbidden code and passes other messages through", () => {
    expect(failureMessage({ ok: false, error: "forbidden" })).toBe(FORBIDDEN_MESSAGE);
    expect(failureMessage({ ok: false, code: "slug-taken", error: 'The slug "a" is already used by another post.' })).toBe(
      'The slug "a" is already used by another post.',
    );
  });
});

describe("firstFieldErrors", () => {
  it("keeps the first message per field, nested paths included", () => {
    expect(
      firstFieldErrors({
        ok: false,
        code: "invalid",
        error: "Check the highlighted fields.",
        fieldErrors: { title: ["Required", "Too short"], "tags.1": ["Too long"], "tags.2": ["Other"] },
      }),
    ).toEqual({ title: "Required", tags: "Too long" });
    expect(firstFieldErrors({ ok: false, error: "x" })).toEqual({});
  });
});
