import path from "node:path";
import { dataDir as authDataDir } from "@/lib/config";
import { createFileUserStore } from "@/lib/auth/file-user-store";
import type { UserStore } from "@/lib/auth/types";
import { databaseConfig } from "@/lib/db/config";

export function usersFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(authDataDir(env), "users.json");
}

/**
 * Users live in the database when there is one, in `data/users.json` when `DIGEST_STORE=files`.
 * A configured database that is down is an error, not a reason to fall back to the file: an empty users file would
 * let development seed the demo editor, and sign-in would then accept credentials the database never knew.
 */
export async function getUserStore(): Promise<UserStore> {
  if (databaseConfig().kind === "none") return createFileUserStore(usersFile());
  // Loaded only when needed, so the files mode never starts Prisma.
  const [{ getDatabase }, { createDatabaseUserStore }] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/auth/database-user-store"),
  ]);
  const db = await getDatabase();
  return db ? createDatabaseUserStore(db) : createFileUserStore(usersFile());
}
