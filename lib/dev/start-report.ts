import { existsSync } from "node:fs";
import path from "node:path";
import { dataDir as authDataDir } from "@/lib/config";
import { DEMO_EDITOR, seedDemoEditor } from "@/lib/auth/demo-editor";
import { verifyPassword } from "@/lib/auth/password";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { getUserStore } from "@/lib/auth/user-store";
import { databaseConfig } from "@/lib/db/config";
import { siteBaseUrl } from "@/lib/site";

function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

/**
 * What `npm run dev` set up for a newcomer, said once when the development server starts: whether it generated the
 * session secret and created the SQLite database, and how to sign in. Doing the set-up here (instead of at the first
 * request that needs it) is what lets it be reported. Never runs outside development.
 */
export async function developmentStartReport(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  if (env.NODE_ENV !== "development") return [];
  const lines: string[] = [];

  if (!env.AUTH_SECRET?.trim()) {
    const file = path.join(authDataDir(env), "auth-secret");
    const existed = existsSync(file);
    resolveAuthSecret(env);
    lines.push(existed ? `session secret: ${shown(file)}` : `generated a development AUTH_SECRET in ${shown(file)}`);
  }

  const database = databaseConfig(env);
  if (database.kind === "none") {
    lines.push("no database (DIGEST_STORE=files): posts and users are files");
  } else {
    const created = database.kind === "sqlite" && !existsSync(database.file);
    try {
      const { getDatabase } = await import("@/lib/db/client");
      await getDatabase();
      if (database.kind === "sqlite") {
        lines.push(created ? `created the SQLite database ${shown(database.file)} (migrations applied)` : `SQLite database: ${shown(database.file)}`);
      } else {
        lines.push("PostgreSQL database: connected, migrations applied");
      }
    } catch (error) {
      lines.push(`the database is unavailable (${error instanceof Error ? error.message : String(error)}): readers get the files in content/`);
      return lines;
    }
  }

  const users = await getUserStore();
  const seeded = await seedDemoEditor(users, env);
  const demo = await users.findByEmail(DEMO_EDITOR.email);
  // Print the password only while it is still the demo one (someone may have changed it with `npm run users`).
  if (demo && !demo.disabled && (seeded || (await verifyPassword(DEMO_EDITOR.password, demo.passwordHash)))) {
    lines.push(
      `${seeded ? "created the demo editor; " : ""}sign in at ${siteBaseUrl(env)}/admin as ${DEMO_EDITOR.email} / ${DEMO_EDITOR.password}`,
    );
  } else {
    lines.push(`sign in at ${siteBaseUrl(env)}/admin (editors: npm run users -- list)`);
  }
  return lines;
}
