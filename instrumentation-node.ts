import { assertAuthConfig } from "@/lib/auth/secret";
import { developmentStartReport } from "@/lib/dev/start-report";

if (process.env.NEXT_PHASE !== "phase-production-build") {
  // Development: generate the secret, create the database and the demo editor now, and say so once. Called before
  // assertAuthConfig, whose generating the secret would otherwise hide that this start created it; not awaited, so a
  // slow database never delays the server.
  if (process.env.NODE_ENV === "development") {
    developmentStartReport().then(
      (lines) => {
        for (const line of lines) console.log(`[digest] ${line}`);
      },
      (error: unknown) => console.warn(`[digest] development set-up failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /**
   * A production server without AUTH_SECRET must not run at all (sessions could not be signed); development generates
   * one (lib/auth/secret.ts). Next would otherwise keep the process up and answer every request with a 500, so the
   * process exits with the reason instead. `next build` loads this too, and needs no secret.
   */
  try {
    assertAuthConfig();
  } catch (error) {
    console.error(`[digest] refusing to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
