/**
 * The acting user of this request, re-read from the database: a role change,
 * a deactivation or a password change takes effect on the very next request.
 */
import { getServerSession } from "next-auth";
import { getLiveDb } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { ANONYMOUS, type Actor } from "@/lib/policy";
import { authOptions } from "@/server/auth/options";
import { actorFromUser } from "@/server/auth/actor-from-user";

export async function getActor(): Promise<Actor> {
  const session = await getServerSession(authOptions);
  if (!session?.uid || !session.authTime) return ANONYMOUS;
  return actorFromUser(findUserById(getLiveDb(), session.uid), session.authTime, Date.now());
}
