/** In production the first admin comes from BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD, created once. */
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { users } from "../db/schema";
import { createUser } from "../db/writes/users";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import type { AppConfig } from "../lib/config";
import { userError } from "./cli";

export async function ensureBootstrapAdmin(path: string, config: AppConfig): Promise<string | null> {
  if (!config.BOOTSTRAP_ADMIN_EMAIL || !config.BOOTSTRAP_ADMIN_PASSWORD) return null;
  const password = passwordSchema.safeParse(config.BOOTSTRAP_ADMIN_PASSWORD);
  if (!password.success) throw userError(`BOOTSTRAP_ADMIN_PASSWORD ${password.error.issues[0]!.message.toLowerCase()}`);
  const handle = openDatabase(path, { mustExist: true });
  try {
    const email = config.BOOTSTRAP_ADMIN_EMAIL.toLowerCase();
    if (handle.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) return null;
    createUser(
      handle.db,
      { kind: "system", label: "bootstrap" },
      { email, name: config.BOOTSTRAP_ADMIN_NAME ?? "Administrator", role: "admin", memberStateCode: null },
      await hashPassword(password.data),
    );
    return email;
  } finally {
    handle.sqlite.close();
  }
}
