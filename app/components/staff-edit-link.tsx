import { getTranslations } from "next-intl/server";
import { Link } from "@/app/i18n/navigation";
import { getActor } from "@/server/auth/actor";
import { can } from "@/lib/policy";

/**
 * "Edit" and "History" links beside a record, for staff only. Hiding them
 * is a convenience: the staff pages and actions check the permission again.
 * `label` names the record in the page's language ("the measure nl-2004-1"): the links' accessible names are built on it.
 */
export async function StaffEditLink({
  slug,
  entity,
  id,
  label,
}: {
  slug: "measures" | "transpositions" | "notifications";
  entity: string;
  id: number;
  label: string;
}) {
  const actor = await getActor();
  if (!can(actor, "inventory.edit")) return null;
  const t = await getTranslations("staffLinks");
  return (
    <span className="staff-links">
      <Link href={`/staff/${slug}/${id}`} aria-label={t("editNamed", { label })}>
        {t("edit")}
      </Link>{" "}
      <Link href={`/history/${entity}/${id}`} aria-label={t("historyNamed", { label })}>
        {t("history")}
      </Link>
    </span>
  );
}

/** In a correspondence table: edit the state's entry for a provision, or add one where none is recorded. */
export async function StaffCorrespondenceLink({
  stateCode,
  provisionId,
  transpositionId,
  label,
}: {
  stateCode: string;
  provisionId: number;
  transpositionId: number | null;
  label: string;
}) {
  if (transpositionId) return <StaffEditLink slug="transpositions" entity="transposition" id={transpositionId} label={label} />;
  const actor = await getActor();
  if (!can(actor, "inventory.edit")) return null;
  const t = await getTranslations("staffLinks");
  return (
    <span className="staff-links">
      <Link href={`/staff/transpositions/new?state=${stateCode}&provision=${provisionId}`} aria-label={t("recordNamed", { label })}>
        {t("record")}
      </Link>
    </span>
  );
}

/** On a provision's page: edit it and the obligations it imposes (reference data). */
export async function StaffReferenceLink({ provisionId }: { provisionId: number }) {
  const actor = await getActor();
  if (!can(actor, "reference.edit")) return null;
  const t = await getTranslations("staffLinks");
  return (
    <p className="staff-links">
      <Link href={`/staff/provisions/${provisionId}`}>{t("editProvision")}</Link> · <Link href={`/history/provision/${provisionId}`}>{t("history")}</Link>
    </p>
  );
}
