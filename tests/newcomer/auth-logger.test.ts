import { JWTSessionError } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authConfig } from "@/lib/auth/next-auth";

describe("the Auth.js logger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reports an undecryptable session cookie in one short line, without a stack trace", () => {
    vi.stubEnv("AUTH_SECRET", "test-secret-test-secret-test-secret-0123");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const cause = new Error("Invalid Compact JWE");
    authConfig().logger!.error!(new JWTSessionError("Read more at https://errors.authjs.dev#jwtsessionerror", { cause }));
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0][0]);
    expect(line).toContain("JWTSessionError");
    expect(line).not.toContain("\n");
    expect(warn.mock.calls[0]).toHaveLength(1);
  });

  it("still reports other errors in full", () => {
    vi.stubEnv("AUTH_SECRET", "test-secret-test-secret-test-secret-0123");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new Error("database down");
    authConfig().logger!.error!(failure);
    expect(error).toHaveBeenCalledWith("[auth]", failure);
  });
});
