import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SignInThrottledError } from "@/lib/auth/sign-in-throttled-error";

vi.mock("@/lib/auth/next-auth", () => ({ signIn: vi.fn() }));
const { signIn } = await import("@/lib/auth/next-auth");
const { signInAction } = await import("@/lib/auth/sign-in-action");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

beforeEach(() => {
  vi.mocked(signIn).mockReset();
});

describe("signInAction", () => {
  it("signs in with the credentials and a sanitised callback URL, letting the success redirect through", async () => {
    vi.mocked(signIn).mockImplementation(async () => redirect("/admin/posts/new"));
    await expect(
      signInAction(undefined, form({ email: " ed@example.com ", password: "pw", callbackUrl: "/admin/posts/new" })),
    ).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    expect(signIn).toHaveBeenCalledWith("credentials", {
      email: "ed@example.com",
      password: "pw",
      redirectTo: "/admin/posts/new",
    });
  });

  it("never forwards an off-site callback URL", async () => {
    vi.mocked(signIn).mockImplementation(async () => redirect("/admin"));
    await expect(
      signInAction(undefined, form({ email: "ed@example.com", password: "pw", callbackUrl: "https://evil.example/" })),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;\/admin;/) });
    expect(vi.mocked(signIn).mock.calls[0][1]).toMatchObject({ redirectTo: "/admin" });
  });

  it("answers bad credentials with one message that does not say which part was wrong", async () => {
    vi.mocked(signIn).mockRejectedValue(new CredentialsSignin());
    expect(await signInAction(undefined, form({ email: "ed@example.com", password: "nope" }))).toEqual({
      error: "Invalid email or password.",
      email: "ed@example.com",
    });
  });

  it("says how long to wait when the limiter refuses", async () => {
    vi.mocked(signIn).mockRejectedValue(new SignInThrottledError(15 * 60_000));
    expect(await signInAction(undefined, form({ email: "ed@example.com", password: "pw" }))).toEqual({
      error: "Too many attempts, try again in 15 minutes.",
      email: "ed@example.com",
    });
  });

  it("asks for both fields before trying", async () => {
    expect(await signInAction(undefined, form({ email: "ed@example.com", password: "" }))).toEqual({
      error: "Enter your email and password.",
      email: "ed@example.com",
    });
    expect(signIn).not.toHaveBeenCalled();
  });

  it("lets unexpected errors propagate", async () => {
    vi.mocked(signIn).mockRejectedValue(new TypeError("boom"));
    await expect(signInAction(undefined, form({ email: "ed@example.com", password: "pw" }))).rejects.toThrow("boom");
  });
});
