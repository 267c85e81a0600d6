import Link from "next/link";
import { getDb } from "@/db/client";
import { loadDashboard, loadDashboardOverview, provisionLabels } from "@/db/queries/dashboard";
import { FILL_IN_REQUEST_LIMIT, indicatorCacheProgress, startIndicatorFill } from "@/db/queries/indicator-cache";
import { FiguresBeingComputed } from "./components/dashboard/figures-being-computed";
import { ParamErrors } from "./components/as-of-banner";
import { AsOfControl } from "./components/dashboard/as-of-control";
import { CollectionControl, collectionQuery } from "./components/dashboard/collection-control";
import { COLLECTION_LABELS } from "@/lib/collections";
import { ScoreboardTable } from "./components/dashboard/scoreboard-table";
import { EuropeMap } from "./components/map/europe-map";
import { todayIso, withAsOf } from "@/lib/as-of";
import { parseDashboardParams, queryString, type RawSearchParams } from "@/lib/dashboard-params";
import { isInForceOn, isMemberOn } from "@/lib/indicators/timeline";
import { TRANSPOSITION_DATE_BASIS_LABELS } from "@/lib/indicators/transposition-deficit";
import { INDICATORS } from "@/lib/indicators/catalogue";
import { DEFAULT_MAP_INDICATOR, MAP_INDICATORS, mapValues } from "@/lib/map/indicators";

/** Instruments named in the introduction and the instruments table; beyond that, a link to the full list. */
const DASHBOARD_INSTRUMENTS = 25;

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const daysToText = (days: number) => (days >= 365 ? `${(days / 365.2425).toFixed(1)} years` : `${days} days`);

export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseDashboardParams(await searchParams);
  const { asOf } = params;
  const db = getDb();
  const takenOn = todayIso();
  // The page's parameters other than the date, kept by every control and link.
  const mapQuery: Record<string, string> = { ...(params.map === DEFAULT_MAP_INDICATOR ? {} : { map: params.map }), ...collectionQuery(params.collection) };
  const intro = (
    <>
      <h1>Inventory of national measures on network and information security</h1>
      <p className="lead">
        How the Member States transposed the Community law on network and information security that the Commission&apos;s Communication COM(2001)298 (§3.6) named — data
        protection, privacy in telecommunications, electronic signatures, the security requirements of the telecommunications framework — and its successors in force today:
        the ePrivacy Directive, the GDPR, eIDAS, the European Electronic Communications Code, and the NIS and NIS2 Directives (<Link href="/lineage">lines of law</Link>).
      </p>
    </>
  );
  // A date whose figures are mostly missing is computed in the background rather than in this request (db/queries/indicator-cache.ts).
  const progress = indicatorCacheProgress(db, asOf.date, takenOn);
  if (progress.total - progress.computed > FILL_IN_REQUEST_LIMIT) {
    void startIndicatorFill(db, asOf.date, takenOn);
    return (
      <>
        {intro}
        <ParamErrors errors={params.errors} />
        <AsOfControl asOf={asOf} path="/" query={mapQuery} />
        <FiguresBeingComputed date={asOf.date} computed={progress.computed} total={progress.total} reloadHref={`/${queryString({ ...mapQuery, ...(asOf.isToday ? {} : { as_of: asOf.date }) })}`} />
      </>
    );
  }
  const { snapshot, figures } = loadDashboard(db, asOf.date, takenOn, params.collection);
  // The whole acquis is 2,000 instruments: the dashboard names the first few, /instruments lists them all.
  const { perInstrument, totals, perState, updated } = loadDashboardOverview(db, DASHBOARD_INSTRUMENTS, takenOn);
  const totalMeasures = perState.reduce((n, s) => n + s.measures, 0);

  const instrumentById = new Map(snapshot.instruments.map((i) => [i.id, i]));
  const stateName = new Map(snapshot.memberStates.map((s) => [s.code, s.name]));
  const provisionById = provisionLabels(
    db,
    figures.largestProvisionGaps.map((g) => g.provisionId),
  );
  const inForce = snapshot.instruments.filter((i) => isInForceOn(i, asOf.date));
  const rows = figures.scoreboard.rows;
  const withDeficit = rows.filter((r) => r.deficit.deficit !== null);
  const meetingTarget = withDeficit.filter((r) => r.ratings.deficit === "green").length;
  const inferredCount = rows.reduce((n, r) => n + r.deficit.transposedDateInferredCount, 0);
  const longOverdue = rows.reduce((n, r) => n + r.longOverdue.count, 0);
  const openInfringements = figures.infringements.reduce((n, f) => n + f.openCount, 0);
  const fullSum = figures.coverage.reduce((n, c) => n + c.fullCount, 0);
  const assessedSum = figures.coverage.reduce((n, c) => n + c.assessedCount, 0);
  const applicableSum = figures.coverage.reduce((n, c) => n + c.applicableCount, 0);
  const { assessed: assessedPairs, bound: boundPairs } = figures.provisionPairs;

  const scopeText = params.collection === "all" ? "the inventory" : `the collection “${COLLECTION_LABELS[params.collection]}”`;
  const values = mapValues(params.map, figures);
  const mapStates = snapshot.memberStates.map((s) => ({ code: s.code, name: s.name, isMember: isMemberOn(s, asOf.date), href: withAsOf(`/member-states/${s.code}`, asOf) }));
  const lastRepealed = [...snapshot.instruments].filter((i) => i.repealedFrom !== null).sort((a, b) => b.repealedFrom!.localeCompare(a.repealedFrom!))[0];

  return (
    <>
      {intro}
      <p>
        The inventory covers {totals.instruments} instruments
        {totals.instruments > perInstrument.length ? (
          <>
            {" "}
            (<Link href="/instruments">list them all</Link>)
          </>
        ) : (
          <>
            :{" "}
            {perInstrument.map((i, n) => (
              <span key={i.celex}>
                {n > 0 ? ", " : ""}
                <Link href={`/instruments/${i.celex}`}>{i.shortName}</Link>
              </span>
            ))}
          </>
        )}
        . See also the <Link href={withAsOf("/gaps", asOf)}>gap matrix</Link> and the <Link href={withAsOf("/charts", asOf)}>charts</Link>.
      </p>
      <ParamErrors errors={params.errors} />

      <AsOfControl asOf={asOf} path="/" query={mapQuery} />
      <CollectionControl path="/" collection={params.collection} query={{ ...mapQuery, ...(asOf.isToday ? {} : { as_of: asOf.date }) }} instruments={snapshot.instruments} />

      {figures.suggestion ? (
        <div className="notice" role="status">
          {figures.suggestion.reason === "none_in_force_after_repeal" ? (
            <p>
              <strong>No instrument of {scopeText} is in force on {asOf.date}.</strong> All {snapshot.instruments.length} were repealed by {lastRepealed?.repealedFrom} (the last:{" "}
              {lastRepealed?.shortName}), so the Scoreboard-style figures, which count instruments in force, are empty for this date. Provision coverage still shows how the repealed
              instruments were transposed.
            </p>
          ) : (
            <p>
              <strong>No instrument of {scopeText} is past its transposition deadline on {asOf.date}</strong>, so the Scoreboard-style figures are empty for this date.
            </p>
          )}
          <p>
            <Link href={`/${queryString({ ...mapQuery, as_of: figures.suggestion.date })}`} className="button-link">
              Show the figures as of {figures.suggestion.date}
              {figures.suggestion.reason === "none_in_force_after_repeal" ? " (the day before the last repeal)" : " (the day after the first deadline)"}
            </Link>
          </p>
        </div>
      ) : null}

      <h2 id="headline-heading">Headline figures</h2>
      <ul className="cards" aria-labelledby="headline-heading">
        <li>
          <span className="figure">{inForce.length}</span> of {snapshot.instruments.length} instruments in force ({COLLECTION_LABELS[params.collection]})
        </li>
        <li>
          <span className="figure">{rows.length}</span> Member States on this date
        </li>
        <li>
          <span className="figure">
            {withDeficit.length ? `${meetingTarget} of ${withDeficit.length}` : "—"}
          </span>{" "}
          states with a deficit at or below the 1% target
        </li>
        <li>
          <span className="figure">{withDeficit.length ? pct(figures.scoreboard.averages.deficit) : "—"}</span> average transposition deficit
        </li>
        <li>
          <span className="figure">{longOverdue}</span> instruments two years or more overdue (all states)
        </li>
        <li>
          <span className="figure">{openInfringements}</span> open infringement proceedings
        </li>
        <li>
          <span className="figure">{assessedSum ? pct(fullSum / assessedSum) : "—"}</span> provision coverage ({fullSum} full of {assessedSum} assessed; {applicableSum - assessedSum} due but not
          assessed)
        </li>
        <li>
          <span className="figure">{inferredCount}</span> transpositions dated by inference from the principal measure
        </li>
      </ul>

      <h2 id="map-heading">Map</h2>
      <form method="get" action="/" className="inline-controls">
        {asOf.isToday ? null : <input type="hidden" name="as_of" value={asOf.date} />}
        {Object.entries(collectionQuery(params.collection)).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label htmlFor="map-indicator">Colour the map by</label>
        <select id="map-indicator" name="map" defaultValue={params.map}>
          {MAP_INDICATORS.map((m) => (
            <option key={m} value={m}>
              {INDICATORS[m].label}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          Recolour the map
        </button>
      </form>
      <EuropeMap indicator={params.map} values={values} states={mapStates} asOfDate={asOf.date} />
      <details>
        <summary>The map&apos;s values as a table</summary>
        <div className="table-scroll">
          <table aria-label={`Map values: ${INDICATORS[params.map].label}`}>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">{INDICATORS[params.map].label}</th>
              </tr>
            </thead>
            <tbody>
              {mapStates.map((s) => (
                <tr key={s.code}>
                  <th scope="row">
                    <Link href={s.href}>{s.name}</Link> ({s.code})
                  </th>
                  <td>{s.isMember ? values.get(s.code)?.text || "no value" : `not a member on ${asOf.date}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <h2 id="scoreboard-heading">Scoreboard-style traffic lights, as of {asOf.date}</h2>
      <p className="muted">
        After the EU Single Market Scoreboard&apos;s indicators, applied to this inventory&apos;s own instruments (Scoreboard-style, not official). Ratings are given in words and by symbol (▲ green, ■ yellow,
        ▼ red) as well as colour. <a href="#formulas">Formulas</a>.
      </p>
      {rows.length ? <ScoreboardTable scoreboard={figures.scoreboard} asOf={asOf} /> : <p>No state was a member on {asOf.date}.</p>}

      <h2 id="gaps-heading">Largest gaps</h2>
      <h3 id="delays-heading">Longest transposition delays</h3>
      <p className="muted">Each directive links to its national transposition: every Member State&apos;s deadline, notification and delay, sortable by delay.</p>
      {figures.largestDelays.length ? (
        <div className="table-scroll">
          <table aria-labelledby="delays-heading" className="nowrap-cells">
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Directive</th>
                <th scope="col">Deadline for the state</th>
                <th scope="col">Transposed</th>
                <th scope="col" className="num">
                  Delay
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.largestDelays.map((d) => {
                const ins = instrumentById.get(d.instrumentId)!;
                return (
                  <tr key={`${d.stateCode}-${d.instrumentId}`}>
                    <th scope="row">
                      <Link href={withAsOf(`/member-states/${d.stateCode}`, asOf)}>{stateName.get(d.stateCode)}</Link> ({d.stateCode})
                    </th>
                    <td>
                      <Link href={withAsOf(`/instruments/${ins.celex}/transposition`, asOf)} aria-label={`${ins.shortName}: national transposition by Member State`}>
                        {ins.shortName}
                      </Link>
                    </td>
                    <td>
                      <time dateTime={d.deadline}>{d.deadline}</time>
                    </td>
                    <td>
                      {d.status === "overdue" ? (
                        d.isRepealedOnAsOf ? (
                          <>not transposed before the repeal ({ins.repealedFrom})</>
                        ) : (
                          <>not yet transposed</>
                        )
                      ) : (
                        <>
                          <time dateTime={d.notifiedOn ?? undefined}>{d.notifiedOn}</time>
                          {d.isDateInferred && d.dateBasis ? <span className="cell-note">{TRANSPOSITION_DATE_BASIS_LABELS[d.dateBasis]}</span> : null}
                        </>
                      )}
                    </td>
                    <td className="num">{daysToText(d.delayDays ?? 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No state × directive pair is late or overdue on {asOf.date}.</p>
      )}
      <h3 id="divergence-heading">Provisions where the states diverge most</h3>
      {figures.largestProvisionGaps.length ? (
        <ol aria-labelledby="divergence-heading">
          {figures.largestProvisionGaps.map((g) => {
            const p = provisionById.get(g.provisionId)!;
            const ins = instrumentById.get(g.instrumentId)!;
            return (
              <li key={g.provisionId}>
                <Link href={withAsOf(`/provisions/${g.provisionId}`, asOf)}>
                  {ins.shortName} {p.kind === "annex" ? "Annex" : "Art."} {p.number}
                </Link>
                : {pct(g.gap)} of the {g.assessedCount} assessed states not &quot;full&quot;
              </li>
            );
          })}
        </ol>
      ) : (
        <p>
          No assessed provision shows a gap on {asOf.date}: every assessed correspondence is &quot;full&quot;. Only {assessedPairs} of {boundPairs} state × provision pairs due by then are assessed;
          the rest are unknown (not assessed), which is not counted as a gap. <Link href={withAsOf("/gaps", asOf)}>Open the gap matrix</Link>.
        </p>
      )}

      <h2 id="holdings-heading">What the inventory holds</h2>
      <ul className="cards" aria-label="What the inventory holds">
        <li>
          <span className="figure">{totals.instruments}</span> instruments
        </li>
        <li>
          <span className="figure">{totals.provisions}</span> provisions
        </li>
        <li>
          <span className="figure">{totalMeasures}</span> national measures
        </li>
        <li>
          <span className="figure">{perState.length}</span> Member States (past and present)
        </li>
      </ul>
      <p>
        Last updated:{" "}
        {updated ? (
          <time dateTime={updated}>
            {updated.slice(0, 10)} {updated.slice(11, 16)} UTC
          </time>
        ) : (
          "never"
        )}
      </p>

      {/* Reference lists, folded below the figures: their own pages hold them in full, and unfolded they were two phone screens. */}
      <h2 id="instruments-heading">Instruments</h2>
      <details className="reference-list">
        <summary>Show the {perInstrument.length} instruments with their provisions, obligations, measures and notifications</summary>
      <div className="table-scroll">
        <table aria-labelledby="instruments-heading" className="nowrap-cells">
          <thead>
            <tr>
              <th scope="col">Instrument</th>
              <th scope="col">CELEX</th>
              <th scope="col" className="num">Provisions</th>
              <th scope="col" className="num">Security obligations</th>
              <th scope="col" className="num">National measures</th>
              <th scope="col" className="num">States notified complete</th>
              <th scope="col" className="num">Assessed correspondences</th>
            </tr>
          </thead>
          <tbody>
            {perInstrument.map((i) => (
              <tr key={i.celex}>
                <th scope="row">
                  <Link href={`/instruments/${i.celex}`}>{i.shortName}</Link>
                </th>
                <td>{i.celex}</td>
                <td className="num">{i.provisions}</td>
                <td className="num">{i.obligations}</td>
                <td className="num">{i.measures}</td>
                <td className="num">{i.completeNotifications}</td>
                <td className="num">{i.assessedTranspositions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {totals.instruments > perInstrument.length ? (
        <p>
          The first {perInstrument.length} of {totals.instruments} instruments by adoption date; <Link href="/instruments">all instruments</Link>.
        </p>
      ) : null}

      </details>

      <h2 id="states-heading">Member States</h2>
      <details className="reference-list">
        <summary>Show the {perState.length} Member States, past and present, with their measures and notifications</summary>
      <div className="table-scroll">
        <table aria-labelledby="states-heading" className="nowrap-cells">
          <thead>
            <tr>
              <th scope="col">Member State</th>
              <th scope="col">Code</th>
              <th scope="col">Member since</th>
              <th scope="col" className="num">National measures</th>
              <th scope="col" className="num">Notifications</th>
            </tr>
          </thead>
          <tbody>
            {perState.map((s) => (
              <tr key={s.code}>
                <th scope="row">
                  <Link href={`/member-states/${s.code}`}>{s.name}</Link>
                  {s.exitDate ? <span className="muted"> (left {s.exitDate})</span> : null}
                </th>
                <td>{s.code}</td>
                <td>
                  <time dateTime={s.accessionDate}>{s.accessionDate}</time>
                </td>
                <td className="num">{s.measures}</td>
                <td className="num">{s.notifications}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      </details>
    </>
  );
}
