import type { Db } from "@/db/client";
import { stateChoices } from "@/db/queries/options";
import type { FieldSpec } from "@/app/components/forms/entity-form";
import type { Translate } from "@/lib/translate";
import type { Locale } from "@/lib/format";
import { roles } from "@/lib/vocabulary";

/** The fields of an account's role and access, in the language of `t`. */
export function accessFields(db: Db, t: Translate, locale: Locale): FieldSpec[] {
  const roleLabels: Record<(typeof roles)[number], string> = {
    admin: t("users.roleAdmin"),
    editor: t("users.roleEditor"),
    regulator: t("users.roleRegulator"),
    researcher: t("users.roleResearcher"),
  };
  return [
    { name: "name", label: t("users.name"), kind: "text", required: true },
    { name: "role", label: t("users.role"), kind: "select", options: roles.map((r) => ({ value: r, label: roleLabels[r] })), required: true },
    { name: "memberStateCode", label: t("users.memberStateRegulators"), kind: "select", options: stateChoices(db, locale) },
  ];
}
