"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDbHandle } from "@/db/client";
import { publishEdition } from "@/db/writes/editions";
import { action } from "@/server/action";
import { todayIso } from "@/lib/as-of";
import { publishEditionInput } from "@/lib/editions";

// The latest reporting date allowed is today, read when the form is sent.
const schema = z.lazy(() => publishEditionInput(todayIso()));

export const publishEditionAction = action({ schema, permission: "edition.publish" }, async (input, actor, ctx) => {
  // The live inventory's handle, whatever the request views: an edition is published from the live data (and the action refuses inside an edition).
  const edition = await publishEdition(getDbHandle(), actor, input, { requestId: ctx.requestId, today: todayIso() });
  revalidatePath("/editions");
  redirect(`/editions/${edition.name}?notice=published`);
});
