"use server";

import { InvalidReferenceError } from "@/lib/errors";
import { getDb } from "@/db/client";
import { unsafeFindUserWithHashByEmail } from "@/db/queries/users";
import { setPassword } from "@/db/writes/users";
import { action } from "@/server/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changePasswordInput } from "@/lib/validation/user";
import { getTranslations } from "next-intl/server";

export const changeOwnPassword = action({ schema: changePasswordInput, permission: "account.change_password" }, async (input, actor) => {
  const db = getDb();
  const t = await getTranslations("account");
  const user = unsafeFindUserWithHashByEmail(db, actor.email);
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) throw new InvalidReferenceError("currentPassword", t("wrongPassword"));
  setPassword(db, actor, actor.id, await hashPassword(input.newPassword), "password_change");
  return t("passwordChanged");
});
