"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { editorAction } from "@/lib/auth/action";
import { defaultSessionDeps } from "@/lib/auth/sessions";
import { roleSchema, UserExistsError } from "@/lib/auth/types";
import { changeRole, createAccount, resetPassword, setDisabled, signOutEverywhere } from "@/lib/auth/user-admin";
import { getUserStore } from "@/lib/auth/user-store";
import { ActionError } from "@/lib/auth/action-error";

/**
 * /admin/users. Every action is built on `editorAction` with the "users.manage" permission (admins only,
 * lib/auth/permissions.ts), so an editor or author posting to one directly is refused before any input is read.
 */

const deps = () => defaultSessionDeps(getUserStore);
const USERS_PATH = "/admin/users";
const manage = { action: "users.manage" } as const;

const email = z.string().trim().min(1, "Enter an email address.").max(320);
/** Empty means "generate one". */
const optionalPassword = z
  .string()
  .max(200)
  .optional()
  .transform((value) => (value && value.length > 0 ? value : null));

export interface PasswordHandover {
  email: string;
  /** Shown once: the admin passes it on; it is stored only as a hash. */
  password: string;
  generated: boolean;
}

export const createUserAction = editorAction(
  z.object({
    email,
    name: z.string().trim().max(200).optional().default(""),
    role: roleSchema,
    password: optionalPassword,
  }),
  async (input): Promise<PasswordHandover> => {
    try {
      const { user, password, generated } = await createAccount(deps(), { ...input, email: input.email });
      revalidatePath(USERS_PATH);
      return { email: user.email, password, generated };
    } catch (error) {
      if (error instanceof UserExistsError) throw new ActionError(error.message, "invalid", { email: [error.message] });
      if (error instanceof z.ZodError) throw new ActionError("Enter a valid email address.", "invalid", { email: ["Enter a valid email address."] });
      throw error;
    }
  },
  manage,
);

export const changeRoleAction = editorAction(
  z.object({ email, role: roleSchema }),
  async ({ email: who, role }) => {
    const user = await changeRole(deps(), who, role);
    revalidatePath(USERS_PATH);
    return { email: user.email, role: user.role };
  },
  manage,
);

export const setDisabledAction = editorAction(
  z.object({ email, disabled: z.enum(["true", "false"]).transform((value) => value === "true") }),
  async ({ email: who, disabled }, { editor }) => {
    const user = await setDisabled(deps(), editor, who, disabled);
    revalidatePath(USERS_PATH);
    return { email: user.email, disabled: user.disabled };
  },
  manage,
);

export const resetPasswordAction = editorAction(
  z.object({ email, password: optionalPassword }),
  async ({ email: who, password }): Promise<PasswordHandover> => {
    const result = await resetPassword(deps(), who, password);
    revalidatePath(USERS_PATH);
    return { email: result.user.email, password: result.password, generated: result.generated };
  },
  manage,
);

export const signOutUserEverywhereAction = editorAction(
  z.object({ email }),
  async ({ email: who }) => {
    const ended = await signOutEverywhere(deps(), who);
    revalidatePath(USERS_PATH);
    return { email: who, ended };
  },
  manage,
);
