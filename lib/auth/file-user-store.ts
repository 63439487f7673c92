import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
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

/** Version 1 (before sessions were kept) is read as a version 2 file without sessions; writes are version 2. */
const usersFileSchema = z.object({
  version: z.union([z.literal(1), z.literal(2)]).transform(() => 2 as const),
  users: z.array(storedUserSchema),
  sessions: z.array(storedSessionSchema).default([]),
});
type UsersFile = z.infer<typeof usersFileSchema>;

const EMPTY: UsersFile = { version: 2, users: [], sessions: [] };

// Writes to one file are chained so two requests in this process cannot interleave a read-modify-write.
const writeQueues = new Map<string, Promise<unknown>>();

function enqueue<T>(file: string, task: () => Promise<T>): Promise<T> {
  const previous = writeQueues.get(file) ?? Promise.resolve();
  const next = previous.then(task, task);
  writeQueues.set(
    file,
    next.catch(() => undefined),
  );
  return next;
}

async function readUsersFile(file: string): Promise<UsersFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return structuredClone(EMPTY);
    throw error;
  }
  // A corrupt file is an error, never an empty list: treating it as empty would let the next write erase every account.
  const parsed = usersFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${file} is not a valid users file: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Temp file + rename: a reader (or a crash) sees the old file or the new one, never half of one. */
async function writeUsersFile(file: string, data: UsersFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
  try {
    // 0600: the file holds password hashes.
    await writeFile(temp, `${JSON.stringify(data, null, 2)}\n`, { encoding: "utf8", mode: 0o600 });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function createFileUserStore(file: string): UserStore {
  const findIndex = (data: UsersFile, email: string) =>
    data.users.findIndex((user) => user.email === email.trim().toLowerCase());

  const update = (email: string, change: (user: StoredUser) => StoredUser, endSessions: boolean) =>
    enqueue(file, async () => {
      const data = await readUsersFile(file);
      const index = findIndex(data, email);
      if (index < 0) throw new UserNotFoundError(email);
      const updated = change(data.users[index]);
      data.users[index] = updated;
      if (endSessions) data.sessions = data.sessions.filter((session) => session.userId !== updated.id);
      await writeUsersFile(file, data);
      return updated;
    });

  const live = (session: StoredSession, now: number) => Date.parse(session.expiresAt) > now;

  return {
    kind: "files",

    async findByEmail(email) {
      const data = await readUsersFile(file);
      const index = findIndex(data, email);
      return index < 0 ? null : data.users[index];
    },

    async findById(id) {
      return (await readUsersFile(file)).users.find((user) => user.id === id) ?? null;
    },

    async list() {
      return (await readUsersFile(file)).users;
    },

    async count() {
      return (await readUsersFile(file)).users.length;
    },

    create(user: NewUser) {
      return enqueue(file, async () => {
        const data = await readUsersFile(file);
        const email = user.email.trim().toLowerCase();
        if (findIndex(data, email) >= 0) throw new UserExistsError(email);
        const created = storedUserSchema.parse({
          id: crypto.randomUUID(),
          email,
          name: user.name,
          passwordHash: user.passwordHash,
          role: user.role,
          disabled: false,
          lastSignInAt: null,
          createdAt: new Date().toISOString(),
        });
        data.users.push(created);
        await writeUsersFile(file, data);
        return created;
      });
    },

    setDisabled(email, disabled) {
      return update(email, (user) => ({ ...user, disabled }), disabled);
    },

    setPasswordHash(email, passwordHash) {
      return update(email, (user) => ({ ...user, passwordHash }), true);
    },

    setRole(email, role) {
      return update(email, (user) => ({ ...user, role }), false);
    },

    startSession(input) {
      return enqueue(file, async () => {
        const data = await readUsersFile(file);
        const user = data.users.find((candidate) => candidate.id === input.userId);
        if (!user) throw new UserNotFoundError(input.userId);
        const at = Date.parse(input.at);
        const session = storedSessionSchema.parse({ id: input.id, userId: input.userId, createdAt: input.at, expiresAt: input.expiresAt });
        data.sessions = [...data.sessions.filter((other) => other.userId !== user.id || live(other, at)), session];
        user.lastSignInAt = input.at;
        await writeUsersFile(file, data);
        return session;
      });
    },

    async findSession(id) {
      const data = await readUsersFile(file);
      const session = data.sessions.find((candidate) => candidate.id === id);
      const user = session && data.users.find((candidate) => candidate.id === session.userId);
      return session && user ? { session, user } : null;
    },

    endSession(id) {
      return enqueue(file, async () => {
        const data = await readUsersFile(file);
        const kept = data.sessions.filter((session) => session.id !== id);
        if (kept.length === data.sessions.length) return;
        data.sessions = kept;
        await writeUsersFile(file, data);
      });
    },

    endAllSessions(email) {
      return enqueue(file, async () => {
        const data = await readUsersFile(file);
        const index = findIndex(data, email);
        if (index < 0) throw new UserNotFoundError(email);
        const userId = data.users[index].id;
        const kept = data.sessions.filter((session) => session.userId !== userId);
        const ended = data.sessions.length - kept.length;
        data.sessions = kept;
        await writeUsersFile(file, data);
        return ended;
      });
    },

    async listSessions(now = new Date()) {
      return (await readUsersFile(file)).sessions.filter((session) => live(session, now.getTime()));
    },
  };
}
