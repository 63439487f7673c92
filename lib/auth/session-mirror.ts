import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { roleSchema, type StoredSession, type StoredUser } from "@/lib/auth/types";

/**
 * A local copy of what session checks need (each user's id, email, name, role and disabled flag, and the sessions
 * that are live), refreshed whenever the database answers. While the database is unreachable it is the only evidence
 * a session cookie is still good: a session the mirror knows, of a user it knows is enabled, stays signed in, so
 * editors keep saving to the Markdown fallback; anything else is refused (fails closed). It lives in the data folder
 * (git-ignored, mode 0600) of each instance, so it survives restarts.
 *
 * Sign-outs the database could not be told about are kept as `revoked` and retried once it answers again.
 */
export const mirrorUserSchema = z.object({
  id: z.string().min(1),
  email: z.string().min(1),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
});
export type MirrorUser = z.infer<typeof mirrorUserSchema>;

export const mirrorSessionSchema = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type MirrorSession = z.infer<typeof mirrorSessionSchema>;

export const mirrorFileSchema = z.object({
  version: z.literal(1),
  /** When the whole mirror was last copied from the database; null: only single sessions were recorded. */
  refreshedAt: z.iso.datetime({ offset: true }).nullable(),
  users: z.array(mirrorUserSchema),
  sessions: z.array(mirrorSessionSchema),
  revoked: z.array(mirrorSessionSchema.pick({ id: true, expiresAt: true })),
});
export type MirrorFile = z.infer<typeof mirrorFileSchema>;

export function mirrorFile(dataDir: string): string {
  return path.join(dataDir, "session-mirror.json");
}

/** Temp file + rename, mode 0600 (it names live sessions). Exported for the end-to-end suites, which prepare one. */
export async function writeMirrorFile(file: string, data: MirrorFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(mirrorFileSchema.parse(data))}\n`, { encoding: "utf8", mode: 0o600 });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

const EMPTY: MirrorFile = { version: 1, refreshedAt: null, users: [], sessions: [], revoked: [] };

async function readMirrorFile(file: string): Promise<MirrorFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return structuredClone(EMPTY);
    throw error;
  }
  const parsed = mirrorFileSchema.safeParse(JSON.parse(text));
  // A damaged mirror knows nobody: outage checks then refuse everyone, which is the safe side.
  if (!parsed.success) {
    console.error(`[auth] ${file} is not a valid session mirror; it is ignored until the database rewrites it`);
    return structuredClone(EMPTY);
  }
  return parsed.data;
}

function toMirrorUser(user: StoredUser): MirrorUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, disabled: user.disabled };
}

function sameUser(a: MirrorUser | undefined, b: MirrorUser): boolean {
  return !!a && a.email === b.email && a.name === b.name && a.role === b.role && a.disabled === b.disabled;
}

export interface SessionMirror {
  /** For outage checks: the session and its user, read from the file; null when either is unknown or it expired. */
  lookup(sessionId: string, now: number): Promise<{ session: MirrorSession; user: MirrorUser } | null>;
  /** After the database vouched for this session. Writes only when something changed. */
  remember(session: StoredSession, user: StoredUser): Promise<void>;
  /** After the database said this session is over. */
  forget(sessionId: string): Promise<void>;
  /** After "sign out everywhere" (or a disable) for this user. */
  forgetUser(userId: string): Promise<void>;
  /** A sign-out the database could not be told about: refused here, and retried later. */
  revokeLater(sessionId: string, expiresAt: string): Promise<void>;
  isRevoked(sessionId: string): Promise<boolean>;
  clearRevoked(sessionId: string): Promise<void>;
  /** Whether a full copy from the database is due (so revocations made on other instances arrive here too). */
  refreshDue(now: number): Promise<boolean>;
  /** A full copy from the database. */
  replace(users: StoredUser[], sessions: StoredSession[], now: number): Promise<void>;
}

/** How often, at most, the whole mirror is copied from the database (when a session check finds it answering). */
export const MIRROR_REFRESH_MS = 60_000;

export function createSessionMirror(file: string): SessionMirror {
  let state: MirrorFile | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function current(): Promise<MirrorFile> {
    state ??= await readMirrorFile(file);
    return state;
  }

  /** Changes are chained, so two requests in this process never write over each other's change. */
  function change(apply: (data: MirrorFile) => boolean): Promise<void> {
    const run = queue.then(async () => {
      const data = await current();
      if (!apply(data)) return;
      await writeMirrorFile(file, data);
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const prune = (data: MirrorFile, now: number) => {
    data.sessions = data.sessions.filter((session) => Date.parse(session.expiresAt) > now);
    data.revoked = data.revoked.filter((entry) => Date.parse(entry.expiresAt) > now);
  };

  return {
    async lookup(sessionId, now) {
      // Read afresh: this runs only while the database is away, and the file is what survived a restart.
      state = await readMirrorFile(file);
      if (state.revoked.some((entry) => entry.id === sessionId)) return null;
      const session = state.sessions.find((candidate) => candidate.id === sessionId);
      if (!session || Date.parse(session.expiresAt) <= now) return null;
      const user = state.users.find((candidate) => candidate.id === session.userId);
      return user ? { session, user } : null;
    },

    remember(session, user) {
      return change((data) => {
        const mirrored = toMirrorUser(user);
        const known = data.sessions.find((candidate) => candidate.id === session.id);
        const knownUser = data.users.find((candidate) => candidate.id === user.id);
        if (known && sameUser(knownUser, mirrored)) return false;
        prune(data, Date.now());
        if (!known) data.sessions.push({ id: session.id, userId: session.userId, expiresAt: session.expiresAt });
        data.users = [...data.users.filter((candidate) => candidate.id !== user.id), mirrored];
        return true;
      });
    },

    forget(sessionId) {
      return change((data) => {
        const kept = data.sessions.filter((session) => session.id !== sessionId);
        if (kept.length === data.sessions.length) return false;
        data.sessions = kept;
        return true;
      });
    },

    forgetUser(userId) {
      return change((data) => {
        const kept = data.sessions.filter((session) => session.userId !== userId);
        if (kept.length === data.sessions.length) return false;
        data.sessions = kept;
        return true;
      });
    },

    revokeLater(sessionId, expiresAt) {
      return change((data) => {
        data.sessions = data.sessions.filter((session) => session.id !== sessionId);
        if (!data.revoked.some((entry) => entry.id === sessionId)) data.revoked.push({ id: sessionId, expiresAt });
        return true;
      });
    },

    async isRevoked(sessionId) {
      return (await current()).revoked.some((entry) => entry.id === sessionId);
    },

    clearRevoked(sessionId) {
      return change((data) => {
        const kept = data.revoked.filter((entry) => entry.id !== sessionId);
        if (kept.length === data.revoked.length) return false;
        data.revoked = kept;
        return true;
      });
    },

    async refreshDue(now) {
      const { refreshedAt } = await current();
      return refreshedAt === null || now - Date.parse(refreshedAt) >= MIRROR_REFRESH_MS;
    },

    replace(users, sessions, now) {
      return change((data) => {
        prune(data, now);
        const revoked = new Set(data.revoked.map((entry) => entry.id));
        data.users = users.map(toMirrorUser);
        data.sessions = sessions
          .filter((session) => !revoked.has(session.id) && Date.parse(session.expiresAt) > now)
          .map((session) => ({ id: session.id, userId: session.userId, expiresAt: session.expiresAt }));
        data.refreshedAt = new Date(now).toISOString();
        return true;
      });
    },
  };
}
