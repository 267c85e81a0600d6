/** For the regulator's pages: the page itself checks the role and the state on the server. */
import { redirect } from "@/server/i18n";
import { getActor } from "@/server/auth/actor";
import { can, type Actor } from "@/lib/policy";

export type Submitter = Extract<Actor, { kind: "user" }> & { memberStateCode: string };

export async function requireSubmitter(returnTo: string): Promise<Submitter> {
  const actor = await getActor();
  if (actor.kind !== "user") return redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  const stateCode = actor.memberStateCode;
  if (stateCode && can(actor, "submission.view", { stateCode })) return { ...actor, memberStateCode: stateCode };
  // Reviewers have their own pages for submissions.
  if (can(actor, "submission.review")) return redirect("/staff/submissions");
  return redirect("/forbidden");
}
