import type { Db } from "@/db/client";
import { stateChoices } from "@/db/queries/options";
import type { FieldSpec } from "@/app/components/forms/entity-form";
import { labels, roles } from "@/lib/vocabulary";

const roleLabels: Record<string, string> = {
  admin: "Admin",
  editor: "Editor (Commission staff)",
  regulator: "Regulator (one Member State)",
  researcher: "Researcher",
};

export function accessFields(db: Db): FieldSpec[] {
  return [
    { name: "name", label: "Name", kind: "text", required: true },
    { name: "role", label: "Role", kind: "select", options: roles.map((r) => ({ value: r, label: roleLabels[r] ?? labels[r] ?? r })), required: true },
    { name: "memberStateCode", label: "Member State (regulators only)", kind: "select", options: stateChoices(db) },
  ];
}
