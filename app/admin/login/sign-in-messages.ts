import type { AdminTranslator } from "@/lib/i18n/catalogue";

/**
 * The sign-in action (lib/auth/sign-in-action.ts) answers in English sentences. Until it answers with codes, the form
 * translates the ones it knows; any other message is shown as it came, so a new one is never hidden.
 */
export function signInMessage(message: string, t: AdminTranslator): string {
  if (message === "Invalid email or password.") return t("login.invalidCredentials");
  if (message === "Enter your email and password.") return t("login.incomplete");
  if (message.startsWith("Sign-in is not available right now")) return t("login.unavailable");
  const throttled = /^Too many attempts, try again in (\d+) minutes?\.$/.exec(message);
  if (throttled) return t("login.tooManyAttemptsIn", { count: Number(throttled[1]) });
  return message;
}
