/**
 * Manage accounts: `npm run users -- <command>`.
 *   add <email> --password <pw> --role author|editor|admin [--name N]
 *   list
 *   set-role <email> --role author|editor|admin
 *   disable <email> | enable <email>          (disabling signs the user out everywhere)
 *   set-password <email> --password <pw>      (signs the user out everywhere)
 *   sign-out <email>                          (ends every session of the user)
 * Users go to the database, or to data/users.json when DIGEST_STORE=files (DIGEST_DATA_DIR moves that folder).
 * What each role may do: lib/auth/permissions.ts.
 */
import "dotenv/config";
import { parseArgs } from "node:util";
import { z } from "zod";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { emailSchema, roleSchema, UserExistsError, UserNotFoundError, type StoredSession, type StoredUser } from "@/lib/auth/types";
import { getUserStore } from "@/lib/auth/user-store";
import { databaseConfig } from "@/lib/db/config";

const USAGE = `Usage: npm run users -- <command>
  add <email> --password <pw> --role author|editor|admin [--name <name>]
  list
  set-role <email> --role author|editor|admin
  disable <email>                      (also signs the user out everywhere)
  enable <email>
  set-password <email> --password <pw> (also signs the user out everywhere)
  sign-out <email>                     (signs the user out everywhere)`;

class UsageError extends Error {}

function valid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${what}: ${result.error.issues.map((issue) => issue.message).join("; ")}`);
  return result.data;
}

function table(users: StoredUser[], sessions: StoredSession[]): string {
  if (users.length === 0) return "No users.";
  const open = (user: StoredUser) => String(sessions.filter((session) => session.userId === user.id).length);
  const rows = [
    ["EMAIL", "NAME", "ROLE", "STATUS", "LAST SIGN-IN", "SESSIONS", "CREATED"],
    ...users.map((user) => [
      user.email,
      user.name,
      user.role,
      user.disabled ? "disabled" : "active",
      user.lastSignInAt ?? "never",
      open(user),
      user.createdAt,
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd()).join("\n");
}

async function run(argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      password: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, emailArg, ...rest] = positionals;
  if (values.help || !command) return USAGE;
  if (rest.length > 0) throw new UsageError(`Unexpected arguments: ${rest.join(" ")}`);

  const users = await getUserStore();
  const email = () => valid(emailSchema, emailArg, "email");
  const password = () => valid(passwordSchema, values.password, "--password");
  const role = () => valid(roleSchema, values.role, "--role (author, editor or admin)");

  // Ending sessions is the store's job (a password change and a disable end them too), so every instance sees it at
  // its next session check; each server's outage mirror catches up when it next reaches the database.
  switch (command) {
    case "add": {
      const address = email();
      const user = await users.create({
        email: address,
        name: values.name?.trim() || address.split("@")[0],
        role: role(),
        passwordHash: await hashPassword(password()),
      });
      return `Added ${user.role} ${user.email}.`;
    }
    case "list":
      return table(await users.list(), await users.listSessions());
    case "set-role": {
      const user = await users.setRole(email(), role());
      return `${user.email} is now ${user.role}.`;
    }
    case "disable":
    case "enable": {
      const user = await users.setDisabled(email(), command === "disable");
      return `${user.email} is ${user.disabled ? "disabled" : "enabled"}.`;
    }
    case "set-password": {
      const address = email();
      const user = await users.setPasswordHash(address, await hashPassword(password()));
      return `Password changed for ${user.email}; every session of it has ended.`;
    }
    case "sign-out": {
      const address = email();
      const ended = await users.endAllSessions(address);
      return `${address} is signed out everywhere (${ended === 1 ? "1 session" : `${ended} sessions`} ended).`;
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n${USAGE}`);
  }
}

async function closeDatabase(): Promise<void> {
  if (databaseConfig().kind === "none") return;
  const { disconnectDatabase } = await import("@/lib/db/client");
  await disconnectDatabase();
}

try {
  console.log(await run(process.argv.slice(2)));
} catch (error) {
  const badArguments =
    error instanceof UsageError || String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS");
  const expected = badArguments || error instanceof UserExistsError || error instanceof UserNotFoundError;
  console.error(expected ? (error as Error).message : error);
  process.exitCode = badArguments ? 2 : 1;
} finally {
  await closeDatabase();
}
