import Link from "next/link";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/policy";

/**
 * "Edit" and "History" links beside a record, for staff only. Hiding them
 * is a convenience: the staff pages and actions check the permission again.
 */
export async function StaffEditLink({ slug, entity, id, label }: { slug: "measures" | "transpositions" | "notifications"; entity: string; id: number; label: string }) {
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
