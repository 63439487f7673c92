import "server-only";
import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { SIGN_IN_PATH } from "@/lib/auth/callback-url";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { sessionEditorSchema } from "@/lib/auth/types";

/** Sessions end 8 hours after sign-in: one working day, then sign in again. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

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
      jwt({ token, user }) {
        // `user` is only present right after `authorize`; later calls carry the token forward unchanged.
        if (user) token.editor = sessionEditorSchema.parse(user);
        return token;
      },
      session({ session, token }) {
        const editor = sessionEditorSchema.safeParse(token.editor);
        return Object.assign(session, { editor: editor.success ? editor.data : null });
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
