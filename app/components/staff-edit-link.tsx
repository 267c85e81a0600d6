import { Link } from "@/app/i18n/navigation";
import { getActor } from "@/server/auth/actor";
import { can } from "@/lib/policy";

/**
 * "Edit" and "History" links beside a record, for staff only. Hiding them
 * is a convenience: the staff pages and actions check the permission again.
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
  return (
    <span className="staff-links">
      <Link href={`/staff/${slug}/${id}`} aria-label={`Edit ${label}`}>
        Edit
      </Link>{" "}
      <Link href={`/history/${entity}/${id}`} aria-label={`History of ${label}`}>
        History
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
  return (
    <span className="staff-links">
      <Link href={`/staff/transpositions/new?state=${stateCode}&provision=${provisionId}`} aria-label={`Record ${label}`}>
        Record
      </Link>
    </span>
  );
}

/** On a provision's page: edit it and the obligations it imposes (reference data). */
export async function StaffReferenceLink({ provisionId }: { provisionId: number }) {
  const actor = await getActor();
  if (!can(actor, "reference.edit")) return null;
  return (
    <p className="staff-links">
      <Link href={`/staff/provisions/${provisionId}`}>Edit this provision and its obligations</Link> ·{" "}
      <Link href={`/history/provision/${provisionId}`}>History</Link>
    </p>
  );
}
