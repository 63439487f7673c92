import "server-only";
import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { SIGN_IN_PATH } from "@/lib/auth/callback-url";
import { resolveAuthSecret } from "@/lib/auth/secret";
import {
  checkSession,
  defaultSessionDeps,
  endSession,
  SESSION_IDLE_SECONDS,
  SESSION_LIFETIME_SECONDS,
  sessionClaimsSchema,
  signedInSchema,
} from "@/lib/auth/sessions";
import { sessionEditorSchema } from "@/lib/auth/types";
import { getUserStore } from "@/lib/auth/user-store";

/** How long a session lasts without being used; `SESSION_LIFETIME_SECONDS` (7 days) is the absolute end. */
export const SESSION_MAX_AGE_SECONDS = SESSION_IDLE_SECONDS;

const sessionDeps = () => defaultSessionDeps(getUserStore);

/** Built per request, so the secret is read (or, in development, generated) when first needed, not at import. */
export function authConfig(): NextAuthConfig {
  return {
    secret: resolveAuthSecret(),
    // `next start` without a reverse proxy must trust its own Host header, or every `auth()` returns null.
    // Set AUTH_TRUST_HOST=false behind a proxy that does not pin the host; AUTH_URL pins it explicitly.
    trustHost: process.env.AUTH_TRUST_HOST !== "false",
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      Credentials({
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: authorizeCredentials,
      }),
    ],
    callbacks: {
      /**
       * Runs at sign-in (with `user`, what `authorize` returned) and on every read of the session (`auth()`,
       * /api/auth/session), where the session row is checked: a revoked, expired or disabled session returns null,
       * which makes Auth.js answer "no session" and clear the cookie. The editor (and role) is refreshed each time.
       */
      async jwt({ token, user }) {
        if (user) {
          const signedIn = signedInSchema.parse(user);
          const { sessionId, signedInAt, ...editor } = signedIn;
          return { ...token, sid: sessionId, uid: editor.id, signedInAt, editor };
        }
        const claims = sessionClaimsSchema.safeParse(token);
        // A token without a session (issued before sessions were kept, or shaped by hand) is no session at all.
        if (!claims.success) return null;
        const verdict = await checkSession(claims.data, sessionDeps());
        if (verdict.status === "ended") return null;
        return { ...token, editor: verdict.status === "valid" ? verdict.editor : null };
      },
      session({ session, token }) {
        const editor = sessionEditorSchema.safeParse(token.editor);
        const claims = sessionClaimsSchema.safeParse(token);
        // Auth.js promises `maxAge` from now; the session never outlives its absolute end.
        const end = claims.success ? claims.data.signedInAt + SESSION_LIFETIME_SECONDS * 1000 : Date.now();
        const expires = new Date(Math.min(Date.parse(session.expires as unknown as string), end)).toISOString();
        return Object.assign(session, { editor: editor.success ? editor.data : null, expires });
      },
    },
    events: {
      async signOut(message) {
        const claims = "token" in message ? sessionClaimsSchema.safeParse(message.token) : null;
        if (claims?.success) await endSession(claims.data, sessionDeps());
      },
    },
    logger: {
      // A wrong password is an expected outcome, not a server error worth a stack trace.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        // A cookie sealed with another secret (an old dev secret, another site on localhost) is a signed-out visitor,
        // not a fault: one line instead of Auth.js's stack trace on every request that carries it.
        if (error instanceof AuthError && error.type === "JWTSessionError") {
          console.warn("[auth] ignored a session cookie that cannot be decrypted (JWTSessionError): treated as signed out");
          return;
        }
        console.error("[auth]", error);
      },
    },
  };
}

export const { auth, signIn, signOut, handlers } = NextAuth(() => authConfig());
