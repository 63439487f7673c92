import { describe, expect, it } from "vitest";
import { SESSION_EXPIRED_MESSAGE } from "@/components/admin/action-feedback";
import { thrownActionMessage, UNREACHABLE_MESSAGE } from "@/components/admin/thrown-action-message";

function answering(body: unknown, status = 200): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("thrownActionMessage", () => {
  it("reads a missing session as an expired one", async () => {
    expect(await thrownActionMessage(answering(null))).toBe(SESSION_EXPIRED_MESSAGE);
  });

  it("reads anything else as the server being unreachable", async () => {
    expect(await thrownActionMessage(answering({ user: { email: "a@b.c" }, expires: "2026-12-01T00:00:00Z" }))).toBe(
      UNREACHABLE_MESSAGE,
    );
    expect(await thrownActionMessage(answering(null, 500))).toBe(UNREACHABLE_MESSAGE);
    expect(await thrownActionMessage(answering("<html>"))).toBe(UNREACHABLE_MESSAGE);
    expect(
      await thrownActionMessage(async () => {
        throw new TypeError("Failed to fetch");
      }),
    ).toBe(UNREACHABLE_MESSAGE);
  });
});
