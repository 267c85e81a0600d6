import { Link } from "@/app/i18n/navigation";
import { getLocalePath } from "@/app/i18n/paths";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { searchInventory, searchKinds, type SearchContext, type SearchKind } from "@/db/queries/search";
import { formatDate, memberStateName, type Locale } from "@/lib/format";
import { resolveAsOf, withAsOf } from "@/lib/as-of";
import { highlightSegments, matchForms, MAX_QUERY_LENGTH, snippetSegments } from "@/lib/search-text";
import type { RawSearchParams } from "@/lib/table-state";
import type { ParamNotice } from "@/lib/param-notices";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { Highlighted } from "@/app/components/highlight";
import { PlainLink } from "@/app/components/plain-link";
import { WorkingTitle } from "@/app/measures/working-title";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

const PAGE_SIZE = 20;

/** "National measure · France · adopted 2004-08-06" in the page's language, from the parts db/queries/search.ts returns. */
function contextLine(t: Awaited<ReturnType<typeof getTranslations<"searchContext">>>, locale: Locale) {
  return (c: SearchContext): string => {
    switch (c.kind) {
      case "measure": {
        const state = memberStateName(c.stateCode, c.stateName, locale);
        return c.adoptedOn ? t("measureAdopted", { state, date: formatDate(c.adoptedOn, locale) }) : t("measure", { state });
      }
      case "provision":
        return t(c.provisionKind === "annex" ? "provisionAnnex" : "provisionArticle", { instrument: c.shortName, number: c.number });
      case "obligation":
        return t("obligation");
    }
  };
}

const pageNumber = z.coerce.number().int().min(1).max(10_000);

export default async function SearchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const localePath = await getLocalePath();
  const t = await getTranslations("search");
  const pagination = await getTranslations("pagination");
  const contextOf = contextLine(await getTranslations("searchContext"), (await getLocale()) as Locale);
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // Each parameter on its own: a mistyped page number keeps the kind asked for, and the reader is told which was dropped.
  const notices: ParamNotice[] = [];
  const rawKind = first(raw.kind) || undefined;
  const kindParsed = z.enum(searchKinds).safeParse(rawKind);
  const kind: SearchKind | null = kindParsed.success ? kindParsed.data : null;
  if (rawKind !== undefined && !kindParsed.success)
    notices.push({ code: "ignored", name: "kind", value: rawKind, reason: { code: "oneOf", allowed: searchKinds } });
  const rawPage = first(raw.page) || undefined;
  const pageParsed = pageNumber.safeParse(rawPage);
  const page = pageParsed.success ? pageParsed.data : 1;
  if (rawPage !== undefined && !pageParsed.success) notices.push({ code: "pageIgnored", value: rawPage });
  let q = (first(raw.q) ?? "").trim();
  if (q.length > MAX_QUERY_LENGTH) {
    notices.push({ code: "queryCut", max: MAX_QUERY_LENGTH });
    q = q.slice(0, MAX_QUERY_LENGTH);
  }
  const asOf = resolveAsOf(raw.as_of);
  const result = q ? searchInventory(getDb(), { q, kind, asOf, page, pageSize: PAGE_SIZE }) : null;
  const href = (patch: { kind?: SearchKind | null; page?: number }) => {
    const p = new URLSearchParams({ q });
    const k = patch.kind === undefined ? kind : patch.kind;
    if (k) p.set("kind", k);
    if (!asOf.isToday) p.set("as_of", asOf.date);
    if (patch.page && patch.page > 1) p.set("page", String(patch.page));
    return `/search?${p}`;
  };
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const forms = result ? matchForms(result.terms) : [];

  return (
    <>
      <h1>{t("title")}</h1>
      <AsOfBanner asOf={asOf} path={q ? `/search?q=${encodeURIComponent(q)}` : "/search"} />
      <ParamErrors notices={asOf.notice ? [asOf.notice, ...notices] : notices} />
      <form method="get" action={localePath("/search")} role="search" aria-label={t("again")} className="filters">
        <label>
          {t("fieldLabel")} <input type="search" name="q" defaultValue={q} maxLength={MAX_QUERY_LENGTH} />
        </label>
        {kind ? <input type="hidden" name="kind" value={kind} /> : null}
        {!asOf.isToday ? <input type="hidden" name="as_of" value={asOf.date} /> : null} <button type="submit">{t("submit")}</button>
        <p className="muted">{t("hint")}</p>
      </form>
      {!result ? (
        <p>{t("prompt")}</p>
      ) : (
        <>
          <nav aria-label={t("kinds")} className="kind-tabs">
            <ul>
              <li>
                <Link href={href({ kind: null })} aria-current={kind === null ? "page" : undefined}>
                  {t("all", { count: result.countsByKind.measure + result.countsByKind.provision + result.countsByKind.obligation })}
                </Link>
              </li>
              {searchKinds.map((k) => (
                <li key={k}>
                  <Link href={href({ kind: k })} aria-current={kind === k ? "page" : undefined}>
                    {t(`kind.${k}`, { count: result.countsByKind[k] })}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <p role="status">{result.total === 0 ? <>{t("noMatch", { q })}</> : <>{t("results", { count: result.total, q })}</>}</p>
          <ol className="search-results" start={(page - 1) * PAGE_SIZE + 1}>
            {result.results.map((r) => (
              <li key={`${r.kind}-${r.href}`}>
                <p className="muted">{contextOf(r.context)}</p>
                <h2 className="result-title">
                  <PlainLink href={withAsOf(r.href, asOf)} lang={r.titleLang ?? undefined}>
                    <Highlighted segments={highlightSegments(r.title, forms)} />
                  </PlainLink>
                </h2>
                {r.workingTitles ? <WorkingTitle measure={r.workingTitles} inline="div" /> : null}
                {r.body ? (
                  <p>
                    <Highlighted segments={snippetSegments(r.body, forms)} />
                  </p>
                ) : null}
                {r.matched.length ? (
                  <p className="muted match-reason">
                    {t("matched", { matches: r.matched.map((m) => t(`match.${m.how}`, { found: m.found, typed: m.typed, form: m.form })).join(", ") })}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          {pages > 1 ? (
            <nav aria-label={t("pages")} className="pagination">
              <ul>
                <li>
                  {page > 1 ? (
                    <Link href={href({ page: page - 1 })}>{pagination("previous")}</Link>
                  ) : (
                    <span aria-disabled="true">{pagination("previous")}</span>
                  )}
                </li>
                <li>{pagination("pageOf", { page, count: pages })}</li>
                <li>
                  {page < pages ? <Link href={href({ page: page + 1 })}>{pagination("next")}</Link> : <span aria-disabled="true">{pagination("next")}</span>}
                </li>
              </ul>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
