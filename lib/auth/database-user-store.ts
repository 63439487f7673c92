import type { Db } from "@/lib/db/client";
import {
  countUsers,
  createSession,
  createUser,
  deleteSession,
  deleteUserSessions,
  EmailTakenError,
  findSession,
  findUserByEmail,
  findUserById,
  listActiveSessions,
  listUsers,
  setUserDisabled,
  setUserPassword,
  setUserRole,
  UserNotFoundError as DbUserNotFoundError,
  type User,
  type UserSession,
} from "@/lib/db/users";
import {
  storedSessionSchema,
  storedUserSchema,
  UserExistsError,
  UserNotFoundError,
  type NewUser,
  type StoredSession,
  type StoredUser,
  type UserStore,
} from "@/lib/auth/types";

function toStoredUser(user: User): StoredUser {
  return storedUserSchema.parse({
    ...user,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  });
}

function toStoredSession(session: UserSession): StoredSession {
  return storedSessionSchema.parse({
    ...session,
    createdAt: session.createdAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  });
}

/** lib/db has its own error classes; callers of a UserStore see the same ones whichever backend answers. */
async function translated<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof EmailTakenError) throw new UserExistsError(error.email);
    if (error instanceof DbUserNotFoundError) throw new UserNotFoundError(error.email);
    throw error;
  }
}

export function createDatabaseUserStore(db: Db): UserStore {
  return {
    kind: "database",

    async findByEmail(email) {
      const user = await findUserByEmail(db, email);
      return user ? toStoredUser(user) : null;
    },

    async findById(id) {
      const user = await findUserById(db, id);
      return user ? toStoredUser(user) : null;
    },

    async list() {
      return (await listUsers(db)).map(toStoredUser);
    },

    count() {
      return countUsers(db);
    },

    create(user: NewUser) {
      return translated(async () => toStoredUser(await createUser(db, user)));
    },

    setDisabled(email, disabled) {
      return translated(async () => toStoredUser(await setUserDisabled(db, email, disabled)));
    },

    setPasswordHash(email, passwordHash) {
      return translated(async () => toStoredUser(await setUserPassword(db, email, passwordHash)));
    },

    setRole(email, role) {
      return translated(async () => toStoredUser(await setUserRole(db, email, role)));
    },

    async startSession(session) {
      return toStoredSession(
        await createSession(db, {
          id: session.id,
          userId: session.userId,
          at: new Date(session.at),
          expiresAt: new Date(session.expiresAt),
        }),
      );
    },

    async findSession(id) {
      const found = await findSession(db, id);
      return found ? { session: toStoredSession(found.session), user: toStoredUser(found.user) } : null;
    },

    async endSession(id) {
      await deleteSession(db, id);
    },

    endAllSessions(email) {
      return translated(() => deleteUserSessions(db, email));
    },

    async listSessions(now = new Date()) {
      return (await listActiveSessions(db, now)).map(toStoredSession);
    },
  };
}
