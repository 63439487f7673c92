/**
 * The real Auth.js route handlers, driven the way a browser would: fetch a CSRF token, post credentials to the
 * Credentials callback, then read the session with the cookie that came back. Only the user store is a stand-in.
 */
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFileUserStore } from "@/lib/auth/file-user-store";
import { issueDeviceCookie } from "@/lib/auth/device-cookie";
import { hashPassword } from "@/lib/auth/password";
import { socketAddressHeaderFor } from "@/lib/auth/socket-address";
import type { UserStore } from "@/lib/auth/types";
import { scratchDir } from "@/tests/auth/helpers";

let users: UserStore;
vi.mock("@/lib/auth/user-store", () => ({ getUserStore: async () => users }));

process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-0123";
// No database: users in a scratch users.json (the mock above), sign-in limits in memory.
process.env.DIGEST_STORE = "files";
delete process.env.TRUSTED_PROXIES;
delete process.env.REDIS_URL;
const { handlers, SESSION_MAX_AGE_SECONDS } = await import("@/lib/auth/next-auth");

const ORIGIN = "http://localhost:3000";
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const scratch = await scratchDir();
  cleanup = scratch.cleanup;
  process.env.DIGEST_DATA_DIR = scratch.dir;
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

/** `address` is the TCP peer (as the socket stamp records it); `forwardedFor` what the client claims on top. */
async function signIn(email: string, password: string, address: string, forwardedFor?: string, carry = new Map<string, string>()) {
  const csrfResponse = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = new Map([...carry, ...cookiesFrom(csrfResponse)]);
  const response = await handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookieHeader(jar),
        ...socketAddressHeaderFor(address),
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${ORIGIN}/admin/posts/new` }),
    }),
  );
  for (const [name, value] of cookiesFrom(response)) jar.set(name, value);
  return { response, jar };
}

function sessionResponse(jar: Map<string, string>): Promise<Response> {
  return handlers.GET(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie: cookieHeader(jar) } }));
}

async function session(jar: Map<string, string>): Promise<unknown> {
  return (await sessionResponse(jar)).json();
}

/** Auth.js's own sign-out endpoint, as its sign-out page would post to it. */
async function signOut(jar: Map<string, string>): Promise<Response> {
  const csrfResponse = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } }));
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  for (const [name, value] of cookiesFrom(csrfResponse)) jar.set(name, value);
  return handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${ORIGIN}/admin/login` }),
    }),
  );
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

  it("rate-limits direct posts to the callback too: the 6th attempt from one address is refused even with the right password", async () => {
    await users.create({
      email: "target@digest.local",
      name: "Target",
      role: "admin",
      passwordHash: await hashPassword("target-password"),
    });
    for (let i = 0; i < 5; i++) {
      // Each claims another address in X-Forwarded-For; no proxy is trusted, so the socket's address counts.
      const { response } = await signIn("target@digest.local", `guess-${i}`, "198.51.100.1", `192.0.2.${i}`);
      expect(response.headers.get("location")).toContain("code=credentials");
    }
    const { response, jar } = await signIn("target@digest.local", "target-password", "198.51.100.1", "192.0.2.200");
    expect(response.headers.get("location")).toBe(`${ORIGIN}/admin/login?error=CredentialsSignin&code=rate_limited`);
    expect(jar.has("authjs.session-token")).toBe(false);
    // From the editor's own address the right password still works.
    expect((await signIn("target@digest.local", "target-password", "198.51.100.2")).jar.has("authjs.session-token")).toBe(true);
  });

  it("does not let forged X-Forwarded-For addresses spray accounts: bcrypt work per real address is capped", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 11; i++) {
      const { response } = await signIn(`spray${i}@digest.local`, "password-guess", "198.51.100.30", `203.0.113.${i}`);
      outcomes.push(new URL(response.headers.get("location")!).searchParams.get("code") ?? "");
    }
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill("credentials"));
    expect(outcomes[10]).toBe("rate_limited");
  });

  it("lets a browser with the account's device cookie past the account back-off strangers caused", async () => {
    await users.create({ email: "busy@digest.local", name: "Busy", role: "editor", passwordHash: await hashPassword("busy-password") });
    // What the browser got at an earlier sign-in (set through Next's cookies(), which needs a real request: e2e
    // editor/sign-in-limits.spec.ts checks that a sign-in sets it).
    const device = issueDeviceCookie(process.env.AUTH_SECRET!, "busy@digest.local");
    // Ten strangers from ten addresses fail: strangers are now paused for this account.
    for (let i = 0; i < 10; i++) await signIn("busy@digest.local", `guess-${i}`, `203.0.113.${100 + i}`);
    const stranger = await signIn("busy@digest.local", "busy-password", "198.51.100.41");
    expect(stranger.response.headers.get("location")).toContain("code=rate_limited");
    // The editor's own browser, from a new address, with the right password.
    const own = await signIn("busy@digest.local", "busy-password", "198.51.100.42", undefined, new Map([["digest-device", device!]]));
    expect(own.jar.has("authjs.session-token")).toBe(true);
    // A cookie made up by someone else is not a device cookie.
    const forged = await signIn("busy@digest.local", "busy-password", "198.51.100.43", undefined, new Map([["digest-device", `${device!.slice(0, -4)}AAAA`]]));
    expect(forged.response.headers.get("location")).toContain("code=rate_limited");
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

  it("ends the session on the server at sign-out: a cookie copied before signing out no longer works", async () => {
    const { jar } = await signIn("editor@digest.local", "digest-editor", "203.0.113.4");
    const copied = new Map(jar);
    expect(await session(copied)).toMatchObject({ editor: { email: "editor@digest.local" } });

    const response = await signOut(jar);
    expect(response.status).toBe(302);
    expect(await session(copied)).toBeNull();
  });

  it("ends every session of a user at a password change, a disable and 'sign out everywhere'", async () => {
    await users.create({ email: "many@digest.local", name: "Many", role: "editor", passwordHash: await hashPassword("many-password") });
    const signedIn = async (i: number) => (await signIn("many@digest.local", "many-password", `203.0.113.${50 + i}`)).jar;

    const beforePasswordChange = await signedIn(1);
    await users.setPasswordHash("many@digest.local", await hashPassword("many-password"));
    expect(await session(beforePasswordChange)).toBeNull();

    const beforeDisable = await signedIn(2);
    await users.setDisabled("many@digest.local", true);
    await users.setDisabled("many@digest.local", false);
    expect(await session(beforeDisable)).toBeNull();

    const laptop = await signedIn(3);
    const phone = await signedIn(4);
    expect(await session(phone)).toMatchObject({ editor: { email: "many@digest.local" } });
    await users.endAllSessions("many@digest.local");
    expect(await session(laptop)).toBeNull();
    expect(await session(phone)).toBeNull();
  });

  it("keeps a session at most 7 days from sign-in, however often it is polled", async () => {
    await users.create({ email: "poller@digest.local", name: "Poller", role: "editor", passwordHash: await hashPassword("poller-password") });
    const { jar } = await signIn("poller@digest.local", "poller-password", "203.0.113.9");
    const signedInAt = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: signedInAt });
    try {
      // Poll every 4 hours, each answer renewing the cookie as a browser would take it.
      for (let hours = 4; hours < 7 * 24; hours += 4) {
        vi.setSystemTime(signedInAt + hours * 3600_000);
        const response = await sessionResponse(jar);
        const body = (await response.json()) as { editor?: unknown; expires?: string } | null;
        expect(body, `after ${hours} hours`).toMatchObject({ editor: { email: "poller@digest.local" } });
        // Never promised beyond the absolute end.
        expect(Date.parse(body!.expires!)).toBeLessThanOrEqual(signedInAt + 7 * 24 * 3600_000 + 1000);
        for (const [name, value] of cookiesFrom(response)) jar.set(name, value);
      }
      vi.setSystemTime(signedInAt + 7 * 24 * 3600_000 + 60_000);
      expect(await session(jar)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
