import bcrypt from "bcryptjs";
import { z } from "zod";
import { COMMON_PASSWORDS } from "@/lib/auth/common-passwords";

/** bcrypt cost 12 (SECURITY.md); never lower, also in tests, so tests measure what production does. */
export const BCRYPT_COST = 12;

export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters.")
  .max(128, "Use at most 128 characters.")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "This password is too common; choose another.");

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummyHash_: Promise<string> | undefined;

/** Compared against when the account does not exist, so an unknown email takes as long as a wrong password. */
export function dummyHash(): Promise<string> {
  dummyHash_ ??= bcrypt.hash("not-a-real-password", BCRYPT_COST);
  return dummyHash_;
}
