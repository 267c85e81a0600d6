import Link from "next/link";
import { getActor } from "@/server/auth/actor";
import { can } from "@/lib/policy";
import { label } from "@/lib/vocabulary";
import { SignOutButton } from "./sign-out-button";

/** The signed-in user's links; which links show is only a convenience, every page checks again. */
export async function AccountMenu() {
  const actor = await getActor();
  if (actor.kind !== "user") {
    return (
      <ul className="account-menu">
        <li>
          <Link href="/sign-in">Sign in</Link>
        </li>
      </ul>
    );
  }
  return (
    <ul className="account-menu" aria-label="Account">
      {can(actor, "submission.review") ? (
        <li>
          <Link href="/staff">Staff</Link>
        </li>
      ) : null}
      {actor.role === "regulator" ? (
        <li>
          <Link href="/submissions">Submissions</Link>
        </li>
      ) : null}
      {can(actor, "token.manage") ? (
        <li>
          <Link href="/account/tokens">API tokens</Link>
        </li>
      ) : null}
      <li>
        <Link href="/account">
          {actor.name} ({label(actor.role)}
          {actor.memberStateCode ? `, ${actor.memberStateCode}` : ""})
        </Link>
      </li>
      <li>
        <SignOutButton />
      </li>
    </ul>
  );
}
