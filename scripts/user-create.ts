/**
 * npm run user:create -- --email a@b.eu --name "A B" --role editor [--state FR]
 * The password is read from NEW_USER_PASSWORD or asked for on the terminal (never a command-line argument, which other users can see).
 */
import { InvalidReferenceError } from "@/lib/errors";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { databasePath } from "../db/client";
import { migrateOrFail, openOrFail } from "@/server/setup";
import { createUser } from "../db/writes/users";
import { hashPassword } from "@/lib/auth/password";
import { fieldErrorsOf } from "../lib/validation/common";
import { newUserInput } from "../lib/validation/user";
import { runCli, userError } from "./cli";

async function askPassword(): Promise<string> {
  if (process.env.NEW_USER_PASSWORD) return process.env.NEW_USER_PASSWORD;
  if (!process.stdin.isTTY) throw userError("Set NEW_USER_PASSWORD or run in a terminal to type the password.");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password for the new account: ");
  rl.close();
  return answer;
}

runCli(async () => {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, state: { type: "string" } } });
  const password = await askPassword();
  const parsed = newUserInput.safeParse({ email: values.email, name: values.name, role: values.role, memberStateCode: values.state ?? null, password });
  if (!parsed.success) {
    const errors = Object.entries(fieldErrorsOf(parsed.error)).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
    throw userError(`Cannot create the account — ${errors.join("; ")}`);
  }
  const handle = openOrFail(databasePath());
  migrateOrFail(handle);
  const { password: plain, ...input } = parsed.data;
  const hash = await hashPassword(plain);
  let user;
  try {
    user = createUser(handle.db, { kind: "system", label: "user:create" }, input, hash);
  } catch (error) {
    if (error instanceof InvalidReferenceError) throw userError(error.message);
    throw error;
  }
  handle.sqlite.close();
  console.log(`Created ${user.role} ${user.email}${user.memberStateCode ? ` for ${user.memberStateCode}` : ""} (id ${user.id}).`);
});
