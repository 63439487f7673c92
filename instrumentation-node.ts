import { installSocketAddressStamp } from "@/lib/auth/socket-address";
import { assertAuthConfig } from "@/lib/auth/secret";
import { developmentStartReport } from "@/lib/dev/start-report";

/**
 * A production server without AUTH_SECRET (or with a TRUSTED_PROXIES it cannot read) must not run at all; development
 * generates a secret (lib/auth/secret.ts). Next would otherwise keep the process up and answer every request with a
 * 500, so the process exits with the reason instead. `next build` loads this too, and needs none of it.
 */
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

  try {
    assertAuthConfig();
  } catch (error) {
    console.error(`[digest] refusing to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  // Sign-in limits need the TCP peer of each request, which Next does not pass on (lib/auth/socket-address.ts).
  installSocketAddressStamp();
  void warnAboutDemoEditor();
}

/** Never blocks or fails the start: a database that is not up yet is the store's business, not this warning's. */
async function warnAboutDemoEditor(): Promise<void> {
  if (process.env.NODE_ENV !== "production") return;
  try {
    const [{ demoEditorWarning }, { getUserStore }] = await Promise.all([import("@/lib/auth/demo-editor"), import("@/lib/auth/user-store")]);
    const warning = await demoEditorWarning(await getUserStore());
    if (warning) console.warn(warning);
  } catch (error) {
    console.warn("[digest] could not check for the demo editor at start:", error instanceof Error ? error.message : error);
  }
}

// Files changed while the server was down are synced to the database (by version) in the background; files mode
// brings its index of the files up to date. Neither blocks start-up.
if (process.env.NEXT_PHASE !== "phase-production-build") {
  void import("@/lib/posts/background").then(({ startBackgroundWork }) => startBackgroundWork());
  // What the proxy needs to tell a cacheable home-list query from a made-up one (lib/posts/list-key.ts).
  void import("@/lib/posts/list-vocabulary").then(({ installListVocabulary }) => installListVocabulary());
}
