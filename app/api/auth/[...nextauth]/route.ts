// Auth.js's own endpoints (session, csrf, sign-out, and the credentials callback a plain HTML form could post to).
// The sign-in form uses a server action instead; both paths go through the same rate-limited `authorize`.
import { handlers } from "@/lib/auth/next-auth";

export const { GET, POST } = handlers;
