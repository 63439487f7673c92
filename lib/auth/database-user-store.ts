import type { Db } from "@/lib/db/client";
import {
  createUser,
  EmailTakenError,
  findUserByEmail,
  listUsers,
  setUserDisabled,
  setUserPassword,
  UserNotFoundError as DbUserNotFoundError,
  type User,
} from "@/lib/db/users";
import {
  storedUserSchema,
  UserExistsError,
  UserNotFoundError,
  type NewUser,
  type StoredUser,
  type UserStore,
} from "@/lib/auth/types";

function toStoredUser(user: User): StoredUser {
  return storedUserSchema.parse({ ...user, createdAt: user.createdAt.toISOString() });
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

    async list() {
      return (await listUsers(db)).map(toStoredUser);
    },

    async count() {
      return (await listUsers(db)).length;
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
  };
}
