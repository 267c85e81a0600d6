import { Link } from "@/app/i18n/navigation";
import { getLocalePath } from "@/app/i18n/paths";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getLabel } from "@/app/i18n/vocabulary";
import { formatDate, memberStateName } from "@/lib/format";
import { getDb } from "@/db/client";
import { compareStates } from "@/db/queries/compare";
import { listInstruments } from "@/db/queries/instruments";
import { listMemberStates } from "@/db/queries/member-states";
import { resolveAsOf, withAsOf } from "@/lib/as-of";
import type { ParamNotice } from "@/lib/param-notices";
import { celex, stateCode, type RawSearchParams } from "@/lib/table-state";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { DateText } from "@/app/components/date-text";
import { StatusBadge } from "@/app/components/status-badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("compare"))("title") };
}

const MIN_STATES = 2;
const MAX_STATES = 6;

export default async function ComparePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const localePath = await getLocalePath();
  const t = await getTranslations("compare");
  const label = await getLabel();
  const locale = await getLocale();
  const raw = await searchParams;
  const notices: ParamNotice[] = [];
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
    } else notices.push({ code: "ignored", name: "state", value: s, reason: { code: "stateCode" } });
  }
  const instrumentRaw = Array.isArray(raw.instrument) ? raw.instrument[0] : raw.instrument;
  const instrumentParsed = instrumentRaw ? celex.safeParse(instrumentRaw) : null;
  if (instrumentRaw && instrumentParsed && !instrumentParsed.success)
    notices.push({ code: "ignored", name: "instrument", value: instrumentRaw, reason: { code: "celex" } });
  const instrument = instrumentParsed?.success ? instrumentParsed.data : null;
  const asOf = resolveAsOf(raw.as_of);
  if (asOf.notice) notices.push(asOf.notice);

  const db = getDb();
  const allStates = listMemberStates(db).sort((a, b) => a.code.localeCompare(b.code));
  const allInstruments = listInstruments(db);
  const unknownStates = states.filter((s) => !allStates.some((x) => x.code === s));
  for (const s of unknownStates) errors.push(t("unknownState", { value: s }));
  const chosen = states.filter((s) => !unknownStates.includes(s));
  if (chosen.length > MAX_STATES) errors.push(t("tooMany", { max: MAX_STATES }));
  const compared = chosen.slice(0, MAX_STATES);
  if (instrument && !allInstruments.some((i) => i.celex === instrument)) errors.push(t("unknownInstrument", { value: instrument }));
  const ready = compared.length >= MIN_STATES && instrument !== null;
  const comparison = ready ? compareStates(db, compared, instrument, asOf) : null;
  const hint = (rawStates.length > 0 || instrument) && !comparison ? t("hint", { min: MIN_STATES, max: MAX_STATES }) : null;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <AsOfBanner asOf={asOf} path="/compare" />
      <ParamErrors notices={notices} errors={errors} />
      <form method="get" action={localePath("/compare")} className="filters" aria-label={t("formLabel")}>
        <fieldset className="state-picker">
          <legend>{t("statesLegend", { min: MIN_STATES, max: MAX_STATES })}</legend>
          {allStates.map((s) => (
            <label key={s.code}>
              <input type="checkbox" name="state" value={s.code} defaultChecked={compared.includes(s.code)} /> {memberStateName(s.code, s.name, locale)} (
              {s.code})
            </label>
          ))}
        </fieldset>
        <p>
          <label>
            {t("instrument")}{" "}
            <select name="instrument" defaultValue={instrument ?? ""}>
              <option value="">{t("chooseInstrument")}</option>
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
          <button type="submit">{t("submit")}</button>
        </p>
      </form>
      {hint ? <p role="status">{hint}</p> : null}
      {comparison ? (
        <section aria-labelledby="comparison-heading">
          <h2 id="comparison-heading">
            <Link href={withAsOf(`/instruments/${comparison.instrument.celex}`, asOf)}>{comparison.instrument.shortName}</Link>:{" "}
            {comparison.states.map((s) => memberStateName(s.code, s.name, locale)).join(", ")}
          </h2>
          <p role="status">
            {t("summary", {
              count: comparison.rows.length,
              differing: comparison.differing,
              agreeing: comparison.agreeing,
              unknown: comparison.rows.length - comparison.differing - comparison.agreeing,
            })}
          </p>
          <div className="table-scroll">
            <table className="compare-table">
              <caption>{t("caption", { instrument: comparison.instrument.shortName, states: comparison.states.map((s) => s.code).join(", ") })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("provision")}</th>
                  <th scope="col">{t("same")}</th>
                  {comparison.states.map((s) => (
                    <th scope="col" key={s.code}>
                      <Link href={withAsOf(`/member-states/${s.code}`, asOf)}>{memberStateName(s.code, s.name, locale)}</Link>
                      <div className="muted small">
                        {t("notified", { status: s.notification ? label(s.notification.status) : t("notRecorded") })}
                        {s.notification?.notifiedOn ? (
                          <>
                            {" "}
                            <DateText value={s.notification.notifiedOn} />
                          </>
                        ) : null}
                        {!s.isMember ? ` · ${t("notMember", { date: formatDate(asOf.date, locale) })}` : null}
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
                        {t(row.provision.kind === "annex" ? (row.provision.number === "Annex" ? "annexAlone" : "annex") : "article", {
                          number: row.provision.number,
                        })}
                      </Link>{" "}
                      <span className="muted">{row.provision.heading}</span>
                    </th>
                    <td>
                      {row.verdict === "differs" ? (
                        <strong className="differs-flag">{t("differs")}</strong>
                      ) : row.verdict === "same" ? (
                        <span className="muted">{t("alike")}</span>
                      ) : (
                        <span className="muted">{t("unknown")}</span>
                      )}
                    </td>
                    {row.cells.map((c) => (
                      <td key={c.stateCode}>
                        <StatusBadge status={c.status} />
                        {c.relation ? <div>{t("relation", { relation: label(c.relation) })}</div> : null}
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
