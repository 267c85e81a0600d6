import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";
import { Link } from "@/app/i18n/navigation";
import { useCollectionLabel } from "@/app/i18n/collections";
import type { AsOf } from "@/lib/as-of";
import type { CollectionId } from "@/lib/collections";
import { queryString } from "@/lib/dashboard-params";
import type { AsOfSuggestion } from "@/lib/indicators/dashboard";
import { lastRepealedOf } from "@/lib/indicators/headline";

/** When nothing counts on the date: why, and a link to the nearest date whose figures are not empty. */
export function AsOfSuggestionNotice({
  suggestion,
  asOf,
  collection,
  instruments,
  query,
}: {
  suggestion: AsOfSuggestion;
  asOf: AsOf;
  collection: CollectionId;
  instruments: readonly { shortName: string; repealedFrom: string | null }[];
  query: Record<string, string>;
}) {
  const t = useTranslations("asOfSuggestion");
  const collectionLabel = useCollectionLabel();
  const locale = useLocale();
  const scope = collection === "all" ? "all" : "collection";
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  const lastRepealed = lastRepealedOf(instruments);
  return (
    <div className="notice" role="status">
      {suggestion.reason === "none_in_force_after_repeal" ? (
        <p>
          {t.rich("noneInForce", {
            strong,
            scope,
            collection: collectionLabel(collection),
            date: formatDate(asOf.date, locale),
            count: instruments.length,
            repealedFrom: lastRepealed?.repealedFrom ?? "",
            last: lastRepealed?.shortName ?? "",
          })}
        </p>
      ) : (
        <p>{t.rich("noneDue", { strong, scope, collection: collectionLabel(collection), date: formatDate(asOf.date, locale) })}</p>
      )}
      <p>
        <Link href={`/${queryString({ ...query, as_of: suggestion.date })}`} className="button-link">
          {t(suggestion.reason === "none_in_force_after_repeal" ? "showBeforeRepeal" : "showAfterDeadline", { date: formatDate(suggestion.date, locale) })}
        </Link>
      </p>
    </div>
  );
}
