import { CredentialsSignin } from "next-auth";

/**
 * Thrown from `authorize` when the rate limiter refuses an attempt. It extends `CredentialsSignin` because Auth.js
 * passes only `AuthError`s through unchanged to the server action that called `signIn`, which reads `retryAfterMs`.
 */
export class SignInThrottledError extends CredentialsSignin {
  code = "rate_limited";

  constructor(public readonly retryAfterMs: number) {
    super();
    this.name = "SignInThrottledError";
  }
}
