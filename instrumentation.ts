/**
 * Runs once when the server starts. A production server without AUTH_SECRET must not start at all (sessions would be
 * forgeable or break at the first sign-in); development generates one (lib/auth/secret.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` also loads this file; only a running server needs the secret.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { assertAuthConfig } = await import("@/lib/auth/secret");
  assertAuthConfig();
}
