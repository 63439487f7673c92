"use server";

import { SIGN_IN_PATH } from "@/lib/auth/callback-url";
import { signOut } from "@/lib/auth/next-auth";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: SIGN_IN_PATH });
}
