/**
 * The real Auth.js route handlers, driven the way a browser would: fetch a CSRF token, post credentials to the
 * Credentials callback, then read the session with the cookie that came back. Only the user store is a stand-in.
 */
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFileUserStore } from "@/lib/auth/file-user-store";
import { hashPassword } from "@/lib/auth/password";
import type { UserStore } from "@/lib/auth/types";
import { scratchDir } from "@/tests/auth/helpers";

let users: UserStore;
vi.mock("@/lib/auth/user-store", () => ({ getUserStore: async () => users }));

process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-0123";
const { handlers, SESSION_MAX_AGE_SECONDS } = await import("@/lib/auth/next-auth");

const ORIGIN = "http://localhost:3000";
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const scratch = await scratchDir();
  cleanup = scratch.cleanup;
  users = createFileUserStore(path.join(scratch.dir, "users.json"));
});
afterAll(() => cleanup());

function cookiesFrom(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair.indexOf("=");
    jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

async function signIn(email: string, password: string, address: string) {
  const csrfResponse = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrfResponse);
  const response = await handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookieHeader(jar),
        "x-forwarded-for": address,
      },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${ORIGIN}/admin/posts/new` }),
    }),
  );
  for (const [name, value] of cookiesFrom(response)) jar.set(name, value);
  return { response, jar };
}

async function session(jar: Map<string, string>): Promise<unknown> {
  const response = await handlers.GET(
    new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie: cookieHeader(jar) } }),
  );
  return response.json();
}

describe("sign-in through Auth.js", () => {
  it("seeds the demo editor outside production and signs it in with a session that carries the editor", async () => {
    const { response, jar } = await signIn("editor@digest.local", "digest-editor", "203.0.113.1");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${ORIGIN}/admin/posts/new`);
    expect([...jar.keys()]).toContain("authjs.session-token");

    const current = (await session(jar)) as { editor: unknown; expires: string };
    expect(current.editor).toEqual({
      id: expect.any(String),
      email: "editor@digest.local",
      name: "Demo Editor",
      role: "editor",
    });
    // The session ends within the configured 8 hours.
    const lifetime = new Date(current.expires).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan((SESSION_MAX_AGE_SECONDS - 60) * 1000);
    expect(lifetime).toBeLessThanOrEqual(SESSION_MAX_AGE_SECONDS * 1000);
  });

  it("gives no session for a wrong password, and an empty session without a cookie", async () => {
    const { response, jar } = await signIn("editor@digest.local", "wrong-password", "203.0.113.2");
    expect(response.headers.get("location")).toBe(`${ORIGIN}/admin/login?error=CredentialsSignin&code=credentials`);
    expect(jar.has("authjs.session-token")).toBe(false);
    expect(await session(new Map())).toBeNull();
  });

  it("rate-limits direct posts to the callback too: the 6th attempt is refused even with the right password", async () => {
    await users.create({
      email: "target@digest.local",
      name: "Target",
      role: "admin",
      passwordHash: await hashPassword("target-password"),
    });
    for (let i = 0; i < 5; i++) {
      const { response } = await signIn("target@digest.local", `guess-${i}`, `198.51.100.${i}`);
      expect(response.headers.get("location")).toContain("code=credentials");
    }
    const { response, jar } = await signIn("target@digest.local", "target-password", "198.51.100.200");
    expect(response.headers.get("location")).toBe(`${ORIGIN}/admin/login?error=CredentialsSignin&code=rate_limited`);
    expect(jar.has("authjs.session-token")).toBe(false);
  });

  it("refuses a disabled account with the same answer as a wrong password", async () => {
    await users.create({
      email: "left@digest.local",
      name: "Left",
      role: "editor",
      passwordHash: await hashPassword("left-password"),
    });
    await users.setDisabled("left@digest.local", true);
    const { response, jar } = await signIn("left@digest.local", "left-password", "203.0.113.3");
    expect(response.headers.get("location")).toBe(`${ORIGIN}/admin/login?error=CredentialsSignin&code=credentials`);
    expect(jar.has("authjs.session-token")).toBe(false);
  });
});
