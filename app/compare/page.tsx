import { Link } from "@/app/i18n/navigation";
import { getLocalePath } from "@/app/i18n/paths";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { compareStates } from "@/db/queries/compare";
import { listInstruments } from "@/db/queries/instruments";
import { listMemberStates } from "@/db/queries/member-states";
import { resolveAsOf, withAsOf } from "@/lib/as-of";
import { celex, stateCode, type RawSearchParams } from "@/lib/table-state";
import { label } from "@/lib/vocabulary";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { DateText } from "@/app/components/date-text";
import { StatusBadge } from "@/app/components/status-badge";

export const metadata: Metadata = { title: "Compare Member States" };

const MIN_STATES = 2;
const MAX_STATES = 6;

export default async function ComparePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const localePath = await getLocalePath();
  const raw = await searchParams;
  const errors: string[] = [];
  const rawStates = (Array.isArray(raw.state) ? raw.state : raw.state ? [raw.state] : [])
    .flatMap((s) => s.split(","))
    .filter(Boolean)
    .slice(0, 30);
  const states: string[] = [];
  for (const s of rawStates) {
    const r = stateCode.safeParse(s);
    if (r.success) {
      if (!states.includes(r.data)) states.push(r.data);
    } else errors.push(`Ignored state=${JSON.stringify(s.slice(0, 20))}: ${r.error.issues[0]?.message}.`);
  }
  const instrumentRaw = Array.isArray(raw.instrument) ? raw.instrument[0] : raw.instrument;
  const instrumentParsed = instrumentRaw ? celex.safeParse(instrumentRaw) : null;
  if (instrumentParsed && !instrumentParsed.success)
    errors.push(`Ignored instrument=${JSON.stringify(instrumentRaw?.slice(0, 20))}: ${instrumentParsed.error.issues[0]?.message}.`);
  const instrument = instrumentParsed?.success ? instrumentParsed.data : null;
  const asOf = resolveAsOf(raw.as_of);
  if (asOf.error) errors.push(asOf.error);

  const db = getDb();
  const allStates = listMemberStates(db).sort((a, b) => a.code.localeCompare(b.code));
  const allInstruments = listInstruments(db);
  const unknownStates = states.filter((s) => !allStates.some((x) => x.code === s));
  for (const s of unknownStates) errors.push(`Ignored state=${s}: no such Member State in the inventory.`);
  const chosen = states.filter((s) => !unknownStates.includes(s));
  if (chosen.length > MAX_STATES) errors.push(`Compare at most ${MAX_STATES} states; the first ${MAX_STATES} are shown.`);
  const compared = chosen.slice(0, MAX_STATES);
  if (instrument && !allInstruments.some((i) => i.celex === instrument)) errors.push(`Ignored instrument=${instrument}: no such instrument in the inventory.`);
  const ready = compared.length >= MIN_STATES && instrument !== null;
  const comparison = ready ? compareStates(db, compared, instrument, asOf) : null;
  const hint = (rawStates.length > 0 || instrument) && !comparison ? `Choose ${MIN_STATES} to ${MAX_STATES} Member States and an instrument.` : null;

  return (
    <>
      <h1>Compare Member States</h1>
      <p className="lead">
        Choose two to six Member States and an instrument to see how each transposed it, article by article. The address of the result can be shared.
      </p>
      <AsOfBanner asOf={asOf} path="/compare" />
      <ParamErrors errors={errors} />
      <form method="get" action={localePath("/compare")} className="filters" aria-label="What to compare">
        <fieldset className="state-picker">
          <legend>Member States (2 to 6)</legend>
          {allStates.map((s) => (
            <label key={s.code}>
              <input type="checkbox" name="state" value={s.code} defaultChecked={compared.includes(s.code)} /> {s.name} ({s.code})
            </label>
          ))}
        </fieldset>
        <p>
          <label>
            Instrument{" "}
            <select name="instrument" defaultValue={instrument ?? ""}>
              <option value="">Choose an instrument</option>
              {allInstruments.map((i) => (
                <option key={i.celex} value={i.celex}>
                  {i.shortName} ({i.celex})
                </option>
              ))}
            </select>
          </label>
        </p>
        {!asOf.isToday ? <input type="hidden" name="as_of" value={asOf.date} /> : null}
        <p>
          <button type="submit">Compare</button>
        </p>
      </form>
      {hint ? <p role="status">{hint}</p> : null}
      {comparison ? (
        <section aria-labelledby="comparison-heading">
          <h2 id="comparison-heading">
            <Link href={withAsOf(`/instruments/${comparison.instrument.celex}`, asOf)}>{comparison.instrument.shortName}</Link>:{" "}
            {comparison.states.map((s) => s.name).join(", ")}
          </h2>
          <p role="status">
            Of {comparison.rows.length} provisions, {comparison.differing} differ between these states (marked “Differs”), {comparison.agreeing} are assessed
            alike in every state, and {comparison.rows.length - comparison.differing - comparison.agreeing} cannot be compared because a state has not been
            assessed (marked “? Unknown”).
          </p>
          <div className="table-scroll">
            <table className="compare-table">
              <caption>
                {comparison.instrument.shortName} article by article in {comparison.states.map((s) => s.code).join(", ")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Provision</th>
                  <th scope="col">Same?</th>
                  {comparison.states.map((s) => (
                    <th scope="col" key={s.code}>
                      <Link href={withAsOf(`/member-states/${s.code}`, asOf)}>{s.name}</Link>
                      <div className="muted small">
                        Notified: {s.notification ? label(s.notification.status) : "not recorded"}
                        {s.notification?.notifiedOn ? (
                          <>
                            {" "}
                            <DateText value={s.notification.notifiedOn} />
                          </>
                        ) : null}
                        {!s.isMember ? ` · not a member on ${asOf.date}` : null}
                      </div>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((row) => (
                  <tr key={row.provision.id} className={row.differs ? "differs" : undefined}>
                    <th scope="row">
                      <Link href={withAsOf(`/provisions/${row.provision.id}`, asOf)}>
                        {row.provision.kind === "annex"
                          ? row.provision.number === "Annex"
                            ? "Annex"
                            : `Annex ${row.provision.number}`
                          : `Art. ${row.provision.number}`}
                      </Link>{" "}
                      <span className="muted">{row.provision.heading}</span>
                    </th>
                    <td>
                      {row.verdict === "differs" ? (
                        <strong className="differs-flag">≠ Differs</strong>
                      ) : row.verdict === "same" ? (
                        <span className="muted">= Same</span>
                      ) : (
                        <span className="muted">? Unknown</span>
                      )}
                    </td>
                    {row.cells.map((c) => (
                      <td key={c.stateCode}>
                        <StatusBadge status={c.status} />
                        {c.relation ? <div>Relation: {label(c.relation)}</div> : null}
                        {c.nationalProvision ? <div>{c.nationalProvision}</div> : null}
                        {c.measures.map((m) => (
                          <div key={m.key}>
                            <Link href={withAsOf(`/measures/${encodeURIComponent(m.key)}`, asOf)} lang={m.language}>
                              {m.titleOriginal}
                            </Link>
                          </div>
                        ))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
