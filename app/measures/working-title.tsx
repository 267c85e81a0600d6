import { useLocale, useTranslations } from "next-intl";

/**
 * A national measure's working title in the interface's language, where one is recorded (issue #18): French in the
 * French interface, German in the German one. It is the inventory's, not an official translation, and says so; the
 * original title stays the measure's name (with its own `lang`), and the English working title stays too.
 */
export function WorkingTitle({ measure }: { measure: { workingTitleFr: string | null; workingTitleDe: string | null } }) {
  const locale = useLocale();
  const t = useTranslations("measureTitles");
  const title = locale === "fr" ? measure.workingTitleFr : locale === "de" ? measure.workingTitleDe : null;
  if (!title) return null;
  return (
    <p className="lead working-title">
      {title} <span className="muted">({t("workingTitle")})</span>
    </p>
  );
}
