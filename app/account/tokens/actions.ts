"use server";

/** Creating and revoking one's own API tokens; the token itself leaves the server once, in the create answer. */
import { insertToken, revokeTokenOf } from "@/db/writes/api-tokens";
import { InvalidReferenceError } from "@/lib/errors";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { action } from "@/server/action";
import { createTokenInput, expiryDate, generateToken } from "@/server/api-tokens";
import { recordId } from "@/lib/validation/common";
import { getTranslations } from "next-intl/server";

export const createToken = action({ schema: createTokenInput, permission: "token.manage" }, (input, actor, ctx) => {
  const { token, tokenHash, prefix } = generateToken();
  insertToken(getDb(), actor, { name: input.name, tokenHash, prefix, expiresAt: expiryDate(input.expiresInDays) }, ctx.requestId);
  revalidatePath("/account/tokens");
  // The only time the token is sent anywhere: the form shows it once.
  return token;
});

export const revokeToken = action({ schema: z.object({ tokenId: recordId }).strict(), permission: "token.manage" }, async (input, actor, ctx) => {
  const t = await getTranslations("tokens");
  if (!revokeTokenOf(getDb(), actor, input.tokenId, ctx.requestId)) throw new InvalidReferenceError("_form", t("noSuchToken"));
  revalidatePath("/account/tokens");
  return t("revokedMessage");
});
