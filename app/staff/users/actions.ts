"use server";

import { revalidatePath } from "next/cache";
import { requestLocale } from "@/server/i18n";
import { translatorFor } from "@/server/translator";
import { redirect } from "@/server/i18n";
import { getDb } from "@/db/client";
import { createUser, setPassword, updateUserAccess } from "@/db/writes/users";
import { action } from "@/server/action";
import { hashPassword } from "@/lib/auth/password";
import { newUserInput, resetPasswordInput, userAccessInput } from "@/lib/validation/user";

export const createUserAction = action({ schema: newUserInput, permission: "user.manage" }, async ({ password, ...input }, actor) => {
  const user = createUser(getDb(), actor, input, await hashPassword(password));
  revalidatePath("/staff/users");
  return redirect(`/staff/users/${user.id}?notice=created`);
});

export const updateUserAction = action({ schema: userAccessInput, permission: "user.manage", record: true }, async (input, actor, ctx) => {
  const user = updateUserAccess(getDb(), actor, ctx.record.id, ctx.record.version, input);
  revalidatePath("/staff/users");
  return redirect(`/staff/users/${user.id}?notice=saved`);
});

export const resetPasswordAction = action({ schema: resetPasswordInput, permission: "user.manage", record: true }, async (input, actor, ctx) => {
  setPassword(getDb(), actor, ctx.record.id, await hashPassword(input.password), "password_reset");
  return translatorFor(await requestLocale())("users.passwordReset");
});
