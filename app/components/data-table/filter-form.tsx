/**
 * The filters of a browse table as a plain GET form: it works without
 * JavaScript, submitting writes the filters into the URL, and the page's
 * sort, page size, hidden columns and as-of date travel as hidden fields.
 */
import { useLocalePath } from "@/app/i18n/paths";
import { Link } from "@/app/i18n/navigation";
import type { AsOf } from "@/lib/as-of";
import { DEFAULT_PAGE_SIZE, type DateRange, type FilterName, type TableQuery, type TableSpec } from "@/lib/table-state";
import { addressees, measureTypes, securityProperties, transpositionRelations, verificationStates } from "@/lib/vocabulary";
import type { FilterChoices } from "@/db/queries/options";
import { SuggestField } from "./suggest-field";
import { useLocale, useTranslations } from "next-intl";
import { memberStateName, type Locale } from "@/lib/format";
import { useLabel } from "@/app/i18n/vocabulary";

export interface FilterOptions {
  states: { code: string; name: string }[];
  /** Every instrument while the list is short, else only the selected one (the field then suggests as the user types). */
  instruments: FilterChoices;
  /** The same for obligations, on the tables filtered by obligation. */
  obligations?: FilterChoices;
}

interface Props<Row> {
  spec: TableSpec<Row>;
  query: TableQuery;
  asOf: AsOf;
  hidden: string[];
  options: FilterOptions;
  searchLabel: string;
}

function Checkboxes({
  name,
  legend,
  values,
  selected,
  labelOf,
}: {
  name: string;
  legend: string;
  values: readonly string[];
  selected: string[];
  labelOf?: (v: string) => string;
}) {
  const t = useTranslations("filters");
  const label = useLabel();
  return (
    <details className="filter-group" open={selected.length > 0}>
      <summary>
        {legend}
        {selected.length ? ` ${t("selected", { count: selected.length })}` : ""}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{legend}</legend>
        {values.map((v) => (
          <label key={v}>
            <input type="checkbox" name={name} value={v} defaultChecked={selected.includes(v)} /> {labelOf ? labelOf(v) : label(v)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

function Range({ name, legend, range }: { name: string; legend: string; range: DateRange }) {
  const t = useTranslations("filters");
  return (
    <fieldset className="filter-range">
      <legend>{legend}</legend>
      <label>
        {t("from")} <input type="date" name={`${name}_from`} defaultValue={range.from ?? ""} />
      </label>{" "}
      <label>
        {t("to")} <input type="date" name={`${name}_to`} defaultValue={range.to ?? ""} />
      </label>
    </fieldset>
  );
}

export function FilterForm<Row>({ spec, query, asOf, hidden, options, searchLabel }: Props<Row>) {
  const localePath = useLocalePath();
  const t = useTranslations("filters");
  const label = useLabel();
  const locale = useLocale() as Locale;
  const has = (f: FilterName) => spec.filters.includes(f);
  const defaultHidden = spec.columns.filter((c) => c.hiddenByDefault).map((c) => c.id);
  const hiddenDiffers = hidden.length !== defaultHidden.length || hidden.some((h) => !defaultHidden.includes(h));
  const isDefaultSort = query.sort.id === spec.defaultSort.id && query.sort.desc === spec.defaultSort.desc;
  return (
    <form method="get" action={localePath(spec.path)} className="filters" aria-label={t("label")}>
      {has("q") ? (
        <p>
          <label>
            {searchLabel} <input type="search" name="q" defaultValue={query.q} maxLength={200} />
          </label>
        </p>
      ) : null}
      <div className="filter-grid">
        {has("state") ? (
          <Checkboxes
            name="state"
            legend={t("memberStates")}
            values={options.states.map((s) => s.code)}
            selected={query.state}
            labelOf={(c) => {
              const state = options.states.find((s) => s.code === c);
              // Names in the page's language (the list stays in code order, which every language shares); CSV and API keep English.
              return `${state ? memberStateName(c, state.name, locale) : c} (${c})`;
            }}
          />
        ) : null}
        {has("instrument") ? (
          <SuggestField
            name="instrument"
            label={t("instrument")}
            value={query.instrument}
            choices={options.instruments.choices}
            isComplete={options.instruments.isComplete}
            suggestPath="/search/instruments"
            size={14}
            maxLength={20}
            hint={<>{t.rich("instrumentHint", { list: (chunks) => <Link href="/instruments">{chunks}</Link> })}</>}
          />
        ) : null}
        {has("status") && spec.statuses ? <Checkboxes name="status" legend={t("status")} values={spec.statuses} selected={query.status} /> : null}
        {has("relation") ? <Checkboxes name="relation" legend={t("relation")} values={transpositionRelations} selected={query.relation} /> : null}
        {has("property") ? <Checkboxes name="property" legend={t("property")} values={securityProperties} selected={query.property} /> : null}
        {has("addressee") ? <Checkboxes name="addressee" legend={t("addressee")} values={addressees} selected={query.addressee} /> : null}
        {has("type") ? <Checkboxes name="type" legend={t("type")} values={measureTypes} selected={query.type} /> : null}
        {has("obligation") && options.obligations ? (
          options.obligations.isComplete ? (
            <label className="filter-select">
              {t("obligation")}{" "}
              <select name="obligation" defaultValue={query.obligation ?? ""}>
                <option value="">{t("anyObligation")}</option>
                {options.obligations.choices.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <SuggestField
              name="obligation"
              label={t("obligation")}
              value={query.obligation}
              choices={options.obligations.choices}
              isComplete={false}
              suggestPath="/search/obligations"
              size={24}
              maxLength={80}
              hint={<>{t.rich("obligationHint", { list: (chunks) => <Link href="/obligations">{chunks}</Link> })}</>}
            />
          )
        ) : null}
        {has("principal") ? (
          <label className="filter-select">
            {t("principal")}{" "}
            <select name="principal" defaultValue={query.principal === null ? "" : query.principal ? "yes" : "no"}>
              <option value="">{t("principalAny")}</option>
              <option value="yes">{t("principalOnly")}</option>
              <option value="no">{t("notPrincipal")}</option>
            </select>
          </label>
        ) : null}
        {has("verification") ? (
          <label className="filter-select">
            {t("verification")}{" "}
            <select name="verification" defaultValue={query.verification ?? ""}>
              <option value="">{t("verificationAny")}</option>
              {verificationStates.map((v) => (
                <option key={v} value={v}>
                  {label(v)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {has("adopted") || has("in_force") || has("notified") ? (
        <div className="filter-grid">
          {has("adopted") ? <Range name="adopted" legend={t("adopted")} range={query.adopted} /> : null}
          {has("in_force") ? <Range name="in_force" legend={t("inForce")} range={query.inForce} /> : null}
          {has("notified") ? <Range name="notified" legend={t("notified")} range={query.notified} /> : null}
        </div>
      ) : null}
      {!isDefaultSort ? <input type="hidden" name="sort" value={`${query.sort.desc ? "-" : ""}${query.sort.id}`} /> : null}
      {query.pageSize !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="page_size" value={query.pageSize} /> : null}
      {hiddenDiffers ? (
        hidden.length ? (
          hidden.map((h) => <input key={h} type="hidden" name="hide" value={h} />)
        ) : (
          <input type="hidden" name="hide" value="none" />
        )
      ) : null}
      {!asOf.isToday ? <input type="hidden" name="as_of" value={asOf.date} /> : null}
      <p className="filter-actions">
        <button type="submit">{t("apply")}</button> <Link href={asOf.isToday ? spec.path : `${spec.path}?as_of=${asOf.date}`}>{t("clear")}</Link>
      </p>
    </form>
  );
}
