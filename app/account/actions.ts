"use server";

import { InvalidReferenceError } from "@/lib/errors";
import { getDb } from "@/db/client";
import { unsafeFindUserWithHashByEmail } from "@/db/queries/users";
import { setPassword } from "@/db/writes/users";
import { action } from "@/server/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changePasswordInput } from "@/lib/validation/user";
import { translatorFor } from "@/server/translator";
import { requestLocale } from "@/server/i18n";

export const changeOwnPassword = action({ schema: changePasswordInput, permission: "account.change_password" }, async (input, actor) => {
  const db = getDb();
  // The request's language (proxy.ts sets it on the server action's POST too), with the full keys any code outside a render uses.
  const t = translatorFor(await requestLocale());
  const user = unsafeFindUserWithHashByEmail(db, actor.email);
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash)))
    throw new InvalidReferenceError("currentPassword", t("account.wrongPassword"));
  setPassword(db, actor, actor.id, await hashPassword(input.newPassword), "password_change");
  return t("account.passwordChanged");
});
