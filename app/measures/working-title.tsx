import { useLocale, useTranslations } from "next-intl";

type WithWorkingTitles = { workingTitleFr: string | null; workingTitleDe: string | null };

/** The working title recorded for the interface's language, if any (none in English: the English title is its own field). */
export function workingTitleIn(measure: WithWorkingTitles, locale: string): string | null {
  return locale === "fr" ? measure.workingTitleFr : locale === "de" ? measure.workingTitleDe : null;
}

/**
 * A national measure's working title in the interface's language, where one is recorded (issue #18): French in the
 * French interface, German in the German one. It is the inventory's, not an official translation, and says so; the
 * original title stays the measure's name (with its own `lang`), and the English working title stays too.
 * On the measure's page it is a lead paragraph; in a list of measures (the Member State's page, search results) a
 * line under the original title (`inline`).
 */
export function WorkingTitle({
  measure,
  inline,
}: {
  measure: WithWorkingTitles;
  /** In a list: a block ("div") or a run of text ("span") under the original title. */
  inline?: "div" | "span";
}) {
  const locale = useLocale();
  const t = useTranslations("measureTitles");
  const title = workingTitleIn(measure, locale);
  if (!title) return null;
  if (inline) {
    const Element = inline;
    return (
      <Element className="working-title">
        {title} <span className="muted">({t("workingTitle")})</span>
      </Element>
    );
  }
  return (
    <p className="lead working-title">
      {title} <span className="muted">({t("workingTitle")})</span>
    </p>
  );
}
