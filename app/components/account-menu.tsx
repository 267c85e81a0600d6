import { Link } from "@/app/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/server/auth/actor";
import { can } from "@/lib/policy";
import { SignOutButton } from "./sign-out-button";

/** The signed-in user's links; which links show is only a convenience, every page checks again. */
export async function AccountMenu() {
  const actor = await getActor();
  const t = await getTranslations("account");
  const roles = await getTranslations("roles");
  if (actor.kind !== "user") {
    return (
      <ul className="account-menu">
        <li>
          <Link href="/sign-in">{t("signIn")}</Link>
        </li>
      </ul>
    );
  }
  return (
    <ul className="account-menu" aria-label={t("label")}>
      {can(actor, "submission.review") ? (
        <li>
          <Link href="/staff">{t("staff")}</Link>
        </li>
      ) : null}
      {actor.role === "regulator" ? (
        <li>
          <Link href="/submissions">{t("submissions")}</Link>
        </li>
      ) : null}
      {can(actor, "token.manage") ? (
        <li>
          <Link href="/account/tokens">{t("apiTokens")}</Link>
        </li>
      ) : null}
      <li>
        <Link href="/account">
          {actor.name} ({roles(actor.role)}
          {actor.memberStateCode ? `, ${actor.memberStateCode}` : ""})
        </Link>
      </li>
      <li>
        <SignOutButton label={t("signOut")} />
      </li>
    </ul>
  );
}
