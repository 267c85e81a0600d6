import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { languageAlternates } from "@/app/i18n/alternates";
import { getDb } from "@/db/client";
import { findChangesScope, listPublicChanges } from "@/db/queries/changes";
import { stateChoices } from "@/db/queries/options";
import { FieldChanges } from "@/app/history/field-changes";
import { recordLabels, type RecordLabels } from "@/app/history/record-labels";
import { changePath, changesHeading, changeTitle, feedHref, scopeProblemText, type PublicChange } from "@/lib/changes";
import { formatCount, formatDate, formatTimestamp } from "@/lib/format";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { getLocalePath } from "@/app/i18n/paths";
import { CHANGES_PAGE_SIZE, changesQuery, changesQueryProblems, firstValues, type ChangesQuery } from "@/lib/validation/changes";

/** A created or removed record: its public fields and their values, without an empty "before" or "after". */
function RecordFields({ change, fieldLabel, caption }: { change: PublicChange; fieldLabel: (field: string) => string; caption: string }) {
  const tm = useTranslations();
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tm("changes.field")}</th>
            <th scope="col">{tm("changes.value")}</th>
          </tr>
        </thead>
        <tbody>
          {change.changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{fieldLabel(c.field)}</th>
              <td className="note-column">{change.action === "delete" ? c.before : c.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function parse(raw: Record<string, string | string[] | undefined>) {
  return changesQuery.safeParse(firstValues(raw));
}

/** The feed of the same changes, announced to feed readers (<link rel="alternate" type="application/atom+xml">). */
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const tm = await getTranslations();
  const parsed = parse(await searchParams);
  const filter = parsed.success ? parsed.data : {};
  return {
    title: tm("changes.title"),
    alternates: {
      languages: await languageAlternates(),
      types: { "application/atom+xml": [{ url: (await getLocalePath())(feedHref(filter)), title: tm("changes.feedLinkTitle") }] },
    },
  };
}

const hrefWith = (filter: ChangesQuery, extra: Partial<ChangesQuery>) => {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v !== undefined && v !== null && v !== "") query.set(k, String(v));
  return `/changes${query.size ? `?${query}` : ""}`;
};

export default async function ChangesPage({ searchParams }: { searchParams: SearchParams }) {
  const tm = await getTranslations();
  const locale = await getLocale();
  const localePath = await getLocalePath();
  const raw = firstValues(await searchParams);
  const parsed = parse(await searchParams);
  const db = getDb();
  const states = stateChoices(db, locale);
  const filter: ChangesQuery = parsed.success ? parsed.data : {};
  const scope = parsed.success ? findChangesScope(db, filter) : null;
  const result = scope?.ok ? listPublicChanges(db, { ...filter, limit: CHANGES_PAGE_SIZE }) : null;
  const labels = new Map<string, RecordLabels>();
  const fieldLabel = (entity: string) => (labels.get(entity) ?? labels.set(entity, recordLabels(db, entity, tm)).get(entity)!).fieldLabel;

  return (
    <>
      <h1>{scope?.ok ? changesHeading(scope, tm) : tm("changes.title")}</h1>
      <p className="lead">{tm("changes.lead")}</p>
      <form method="get" action={localePath("/changes")} className="filters" aria-label={tm("changes.show")}>
        <div className="field">
          <label htmlFor="c-since">{tm("changes.since")}</label>
          <input id="c-since" name="since" type="date" defaultValue={parsed.success ? (filter.since ?? "") : (raw.since ?? "")} />
        </div>
        <div className="field">
          <label htmlFor="c-state">{tm("changes.state")}</label>
          <select id="c-state" name="state" defaultValue={filter.state ?? ""}>
            <option value="">{tm("changes.anyState")}</option>
            {states.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="c-instrument">{tm("changes.instrument")}</label>
          <input
            id="c-instrument"
            name="instrument"
            inputMode="text"
            pattern="[0-9]{5}[A-Z]{1,2}[0-9]{4}"
            placeholder="31995L0046"
            defaultValue={parsed.success ? (filter.instrument ?? "") : (raw.instrument ?? "")}
          />
        </div>
        <button type="submit">{tm("changes.show")}</button>
      </form>
      {!parsed.success ? (
        <p className="field-error" role="alert">
          {tm("changes.badInput", { problems: changesQueryProblems(parsed.error, raw, tm).join("; ") })}
        </p>
      ) : scope && !scope.ok ? (
        <p className="field-error" role="alert">
          {scopeProblemText(scope.problem, tm)}
        </p>
      ) : null}
      {scope?.ok ? (
        <p>
          <a href={localePath(feedHref(filter))} type="application/atom+xml">
            {tm("changes.feedOfThese")}
          </a>
        </p>
      ) : null}
      {result && result.changes.length === 0 ? (
        <p>
          {filter.since && !filter.state && !filter.instrument ? tm("changes.emptySince", { date: formatDate(filter.since, locale) }) : tm("changes.empty")}
        </p>
      ) : null}
      {result && result.changes.length > 0 ? (
        <>
          <p className="muted">{tm("changes.count", { count: formatCount(result.changes.length, locale) })}</p>
          <ol className="history">
            {result.changes.map((change) => (
              <li key={change.id} id={`change-${change.id}`}>
                <h2>
                  {change.action === "delete" ? changeTitle(change, tm) : <Link href={changePath(change)}>{changeTitle(change, tm)}</Link>}{" "}
                  <span className="muted">· {tm("changes.recordedAt", { at: formatTimestamp(change.at, locale) })}</span>
                </h2>
                {change.changes.length && (change.action === "create" || change.action === "delete") ? (
                  // A new or removed record lists every public field: folded, so that fifty of them still read as a list.
                  <details>
                    <summary>{tm("changes.showFields", { count: change.changes.length })}</summary>
                    <RecordFields change={change} fieldLabel={fieldLabel(change.entity)} caption={changeTitle(change, tm)} />
                  </details>
                ) : change.changes.length ? (
                  <FieldChanges
                    changes={change.changes}
                    fieldLabel={fieldLabel(change.entity)}
                    caption={changeTitle(change, tm)}
                    hideCaption
                    columns={{ before: tm("changes.before"), after: tm("changes.after") }}
                  />
                ) : (
                  <p className="muted">{tm("changes.noFieldChanged")}</p>
                )}
              </li>
            ))}
          </ol>
          <nav aria-label={tm("changes.pages")} className="pager">
            {filter.before ? <Link href={hrefWith(filter, { before: undefined })}>{tm("changes.newest")}</Link> : null}{" "}
            {result.nextBefore ? <Link href={hrefWith(filter, { before: result.nextBefore })}>{tm("changes.older")}</Link> : null}
          </nav>
        </>
      ) : null}
    </>
  );
}
