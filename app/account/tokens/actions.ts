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
import { translatorFor } from "@/server/translator";
import { requestLocale } from "@/server/i18n";

export const createToken = action({ schema: createTokenInput, permission: "token.manage" }, (input, actor, ctx) => {
  const { token, tokenHash, prefix } = generateToken();
  insertToken(getDb(), actor, { name: input.name, tokenHash, prefix, expiresAt: expiryDate(input.expiresInDays) }, ctx.requestId);
  revalidatePath("/account/tokens");
  // The only time the token is sent anywhere: the form shows it once.
  return token;
});

export const revokeToken = action({ schema: z.object({ tokenId: recordId }).strict(), permission: "token.manage" }, async (input, actor, ctx) => {
  // The request's language (proxy.ts sets it on the server action's POST too), with the full keys any code outside a render uses.
  const t = translatorFor(await requestLocale());
  if (!revokeTokenOf(getDb(), actor, input.tokenId, ctx.requestId)) throw new InvalidReferenceError("_form", t("tokens.noSuchToken"));
  revalidatePath("/account/tokens");
  return t("tokens.revokedMessage");
});
