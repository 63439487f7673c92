import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import {
  storedUserSchema,
  UserExistsError,
  UserNotFoundError,
  type NewUser,
  type StoredUser,
  type UserStore,
} from "@/lib/auth/types";

const usersFileSchema = z.object({
  version: z.literal(1),
  users: z.array(storedUserSchema),
});
type UsersFile = z.infer<typeof usersFileSchema>;

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
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, users: [] };
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

  const update = (email: string, change: (user: StoredUser) => StoredUser) =>
    enqueue(file, async () => {
      const data = await readUsersFile(file);
      const index = findIndex(data, email);
      if (index < 0) throw new UserNotFoundError(email);
      const updated = change(data.users[index]);
      data.users[index] = updated;
      await writeUsersFile(file, data);
      return updated;
    });

  return {
    kind: "files",

    async findByEmail(email) {
      const data = await readUsersFile(file);
      const index = findIndex(data, email);
      return index < 0 ? null : data.users[index];
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
          createdAt: new Date().toISOString(),
        });
        data.users.push(created);
        await writeUsersFile(file, data);
        return created;
      });
    },

    setDisabled(email, disabled) {
      return update(email, (user) => ({ ...user, disabled }));
    },

    setPasswordHash(email, passwordHash) {
      return update(email, (user) => ({ ...user, passwordHash }));
    },
  };
}
