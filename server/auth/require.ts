/** For server components: the page itself checks the role, not only the navigation. */
import { redirect } from "@/server/i18n";
import { can, type Action, type Actor, type Resource } from "@/lib/policy";
import { getActor } from "@/server/auth/actor";

export async function requirePermission(action: Action, resource?: Resource, returnTo?: string): Promise<Extract<Actor, { kind: "user" }>> {
  const actor = await getActor();
  if (actor.kind !== "user") return redirect(`/sign-in${returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : ""}`);
  if (!can(actor, action, resource)) return redirect("/forbidden");
  return actor;
}
