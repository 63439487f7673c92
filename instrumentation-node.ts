import { assertAuthConfig } from "@/lib/auth/secret";

/**
 * A production server without AUTH_SECRET must not run at all (sessions could not be signed); development generates
 * one (lib/auth/secret.ts). Next would otherwise keep the process up and answer every request with a 500, so the
 * process exits with the reason instead. `next build` loads this too, and needs no secret.
 */
if (process.env.NEXT_PHASE !== "phase-production-build") {
  try {
    assertAuthConfig();
  } catch (error) {
    console.error(`[digest] refusing to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

// Files changed while the server was down are synced to the database (by version) in the background; files mode
// brings its index of the files up to date. Neither blocks start-up.
if (process.env.NEXT_PHASE !== "phase-production-build") {
  void import("@/lib/posts/background").then(({ startBackgroundWork }) => startBackgroundWork());
}
