import { z } from "zod";
import { roles } from "../vocabulary";
import { passwordSchema } from "@/lib/auth/password";
import { checkbox, requiredText } from "./common";

const emptyToNull = (v: unknown) => (v === "" || v == null ? null : v);

const roleAndState = {
  role: z.enum(roles, { error: "Choose a role." }),
  memberStateCode: z.preprocess(
    emptyToNull,
    z
      .string()
      .regex(/^[A-Z]{2}$/, "Choose a Member State.")
      .nullable(),
  ),
};

function regulatorHasState(u: { role: string; memberStateCode: string | null }, ctx: z.RefinementCtx) {
  if (u.role === "regulator" && !u.memberStateCode)
    ctx.addIssue({ code: "custom", path: ["memberStateCode"], message: "A regulator is bound to one Member State." });
  if (u.role !== "regulator" && u.memberStateCode)
    ctx.addIssue({ code: "custom", path: ["memberStateCode"], message: "Only regulators are bound to a Member State." });
}

export const newUserInput = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter an email address.").max(254),
    name: requiredText(200),
    password: passwordSchema,
    ...roleAndState,
  })
  .strict()
  .superRefine(regulatorHasState);

export const userAccessInput = z
  .object({
    name: requiredText(200),
    ...roleAndState,
    disabled: checkbox,
  })
  .strict()
  .superRefine(regulatorHasState);

export const resetPasswordInput = z.object({ password: passwordSchema }).strict();

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(128),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .strict()
  .refine((p) => p.newPassword === p.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." });

export type NewUserInput = z.infer<typeof newUserInput>;
export type UserAccessInput = z.infer<typeof userAccessInput>;
