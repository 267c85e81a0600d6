import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";
import { Link } from "@/app/i18n/navigation";
import { PlainLink } from "@/app/components/plain-link";
import { useCollectionLabel } from "@/app/i18n/collections";
import { useLocalePath } from "@/app/i18n/paths";
import { COLLECTION_IDS, COM_2001_298_DATE, DEFAULT_COLLECTION, type CollectionId } from "@/lib/collections";
import { queryString } from "@/lib/dashboard-params";

/**
 * The instruments named in the line; the rest are counted and left to the instruments list. The acquis has a few
 * dozen; at the scale of 2,000 instruments the whole list was 440 KB of the gap matrix's 850 KB, read by no one.
 */
const INLINE_INSTRUMENTS = 100;

/**
 * Which named set of instruments the page is drawn for (lib/collections.ts):
 * a GET form that keeps the page's other parameters, the instruments it holds
 * on the date, and the 2001 view one click away.
 */
export function CollectionControl({
  path,
  collection,
  query,
  instruments,
}: {
  path: string;
  collection: CollectionId;
  /** The page's other parameters (as_of, map, view…), kept by the form and the links. */
  query: Record<string, string>;
  instruments: { celex: string; shortName: string }[];
}) {
  const t = useTranslations("collections");
  const collectionLabel = useCollectionLabel();
  const localePath = useLocalePath();
  const locale = useLocale();
  const is2001 = collection === "com-2001-298" && query.as_of === COM_2001_298_DATE;
  return (
    <section className="collection-control" aria-labelledby="collection-heading">
      <h2 id="collection-heading" className="visually-hidden">
        {t("heading")}
      </h2>
      <form method="get" action={localePath(path)} className="inline-controls">
        {Object.entries(query).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label htmlFor="collection">{t("label")}</label>
        {/* Keyed by the value: a link to another collection navigates on the client, and an uncontrolled select would keep its old choice. */}
        <select key={collection} id="collection" name="collection" defaultValue={collection}>
          {COLLECTION_IDS.map((id) => (
            <option key={id} value={id}>
              {collectionLabel(id as CollectionId)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("show")}
        </button>
      </form>
      <p className="muted small">
        {instruments.length === 0 ? (
          t("none")
        ) : (
          <>
            {t("count", { count: instruments.length })}{" "}
            {instruments.slice(0, INLINE_INSTRUMENTS).map((i, n) => (
              <span key={i.celex}>
                {n > 0 ? ", " : ""}
                <PlainLink href={`/instruments/${i.celex}`}>{i.shortName}</PlainLink>
              </span>
            ))}
            {instruments.length > INLINE_INSTRUMENTS ? (
              <> {t.rich("more", { count: instruments.length - INLINE_INSTRUMENTS, list: (chunks) => <Link href="/instruments">{chunks}</Link> })}</>
            ) : null}
            .
          </>
        )}{" "}
        {is2001 ? (
          <Link href={`${path}${queryString({ ...query, as_of: null, collection: null })}`}>{t("backToToday")}</Link>
        ) : (
          <Link href={`${path}${queryString({ ...query, as_of: COM_2001_298_DATE, collection: "com-2001-298" })}`}>
            {t("view2001", { date: formatDate(COM_2001_298_DATE, locale) })}
          </Link>
        )}{" "}
        · <Link href="/lineage">{t("linesOfLaw")}</Link>
      </p>
    </section>
  );
}

/** The query parameter for a collection: the default is left out of URLs. */
export function collectionQuery(collection: CollectionId): Record<string, string> {
  return collection === DEFAULT_COLLECTION ? {} : { collection };
}
