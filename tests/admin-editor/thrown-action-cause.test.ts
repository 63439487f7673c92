import { describe, expect, it } from "vitest";
import { thrownActionCause } from "@/components/admin/thrown-action-cause";

function answering(body: unknown, status = 200): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("thrownActionCause", () => {
  it("reads a missing session as an expired one", async () => {
    expect(await thrownActionCause(answering(null))).toBe("unauthorized");
  });

  it("reads anything else as the server being unreachable", async () => {
    expect(await thrownActionCause(answering({ user: { email: "a@b.c" }, expires: "2026-12-01T00:00:00Z" }))).toBe("unreachable");
    expect(await thrownActionCause(answering(null, 500))).toBe("unreachable");
    expect(await thrownActionCause(answering("<html>"))).toBe("unreachable");
    expect(
      await thrownActionCause(async () => {
        throw new TypeError("Failed to fetch");
      }),
    ).toBe("unreachable");
  });
});
