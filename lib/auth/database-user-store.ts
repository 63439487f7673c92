import type { Db } from "@/lib/db/client";
import {
  countUsers,
  createSession,
  createUser,
  deleteSession,
  deleteUserSessions,
  findSession,
  findUserByEmail,
  findUserById,
  listActiveSessions,
  listUsers,
  setUserDisabled,
  setUserPassword,
  setUserRole,
  type User,
  type UserSession,
} from "@/lib/db/users";
import {
  storedSessionSchema,
  storedUserSchema,
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

    async create(user: NewUser) {
      return toStoredUser(await createUser(db, user));
    },

    async setDisabled(email, disabled) {
      return toStoredUser(await setUserDisabled(db, email, disabled));
    },

    async setPasswordHash(email, passwordHash) {
      return toStoredUser(await setUserPassword(db, email, passwordHash));
    },

    async setRole(email, role) {
      return toStoredUser(await setUserRole(db, email, role));
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
      return deleteUserSessions(db, email);
    },

    async listSessions(now = new Date()) {
      return (await listActiveSessions(db, now)).map(toStoredSession);
    },
  };
}
