import { Link } from "@/app/i18n/navigation";
import type { AsOf } from "@/lib/as-of";
import { COLLECTION_LABELS, type CollectionId } from "@/lib/collections";
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
  const scopeText = collection === "all" ? "the inventory" : `the collection “${COLLECTION_LABELS[collection]}”`;
  const lastRepealed = lastRepealedOf(instruments);
  return (
    <div className="notice" role="status">
      {suggestion.reason === "none_in_force_after_repeal" ? (
        <p>
          <strong>
            No instrument of {scopeText} is in force on {asOf.date}.
          </strong>{" "}
          All {instruments.length} were repealed by {lastRepealed?.repealedFrom} (the last: {lastRepealed?.shortName}), so the Scoreboard-style figures, which
          count instruments in force, are empty for this date. Provision coverage still shows how the repealed instruments were transposed.
        </p>
      ) : (
        <p>
          <strong>
            No instrument of {scopeText} is past its transposition deadline on {asOf.date}
          </strong>
          , so the Scoreboard-style figures are empty for this date.
        </p>
      )}
      <p>
        <Link href={`/${queryString({ ...query, as_of: suggestion.date })}`} className="button-link">
          Show the figures as of {suggestion.date}
          {suggestion.reason === "none_in_force_after_repeal" ? " (the day before the last repeal)" : " (the day after the first deadline)"}
        </Link>
      </p>
    </div>
  );
}
