/**
 * The indicator catalogue (lib/indicators/catalogue.ts) in the interface's language. The catalogue stays the one
 * declaration of each indicator — unit, direction, rating rule, CSV column — and keeps its English words for the CSV
 * and the API; the words shown on a page come from messages/*.json "indicators.<id>", whose ids and fields
 * tests/unit/messages.test.ts holds to the catalogue's. Numbers are written by lib/format.ts in the same language.
 */
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDecimal, formatShare, type Locale } from "@/lib/format";
import { numberIn, type Indicator, type IndicatorId } from "@/lib/indicators/catalogue";
import { AVERAGE_BAND } from "@/lib/indicators/ratings";

export interface IndicatorText {
  label: string;
  shortLabel: string;
  definition: string;
  formula: string;
  /** The rating rule in words; "" for an indicator that is not rated. */
  rule: string;
  /** The words for meeting the target, where there is one. */
  metLabel: string | null;
  /** The Scoreboard column head, naming the unit the cells leave out. */
  columnHead: string;
  /** The value with its unit ("12,5 %", "3,0 mois"). */
  format: (value: number | null, none?: string) => string;
  /** The number alone ("3,0"). */
  formatNumber: (value: number | null, none?: string) => string;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function texts(t: Translate, units: Translate, locale: Locale): (indicator: Indicator) => IndicatorText {
  return (indicator) => {
    const id: IndicatorId = indicator.id;
    const number = numberIn(indicator.unit, locale);
    const withUnit = (v: number) => (indicator.unit === "months" ? units("months", { value: number(v) }) : number(v));
    const shortLabel = t(`${id}.shortLabel`);
    const rating = indicator.rating;
    return {
      label: t(`${id}.label`),
      shortLabel,
      definition: t(`${id}.definition`),
      formula: indicator.formula ? t(`${id}.formula`) : "",
      rule: rating.kind === "none" ? "" : t(`${id}.rule`, { low: formatDecimal(1 - AVERAGE_BAND, 1, locale), band: formatShare(AVERAGE_BAND, 0, locale) }),
      metLabel: rating.kind === "target" ? t(`${id}.metLabel`, { target: withUnitTarget(indicator, rating.value, locale) }) : null,
      columnHead: indicator.unit === "months" ? units("monthsHead", { label: shortLabel }) : shortLabel,
      format: (v, none = "—") => (v === null ? none : withUnit(v)),
      formatNumber: (v, none = "—") => (v === null ? none : number(v)),
    };
  };
}

/** A target as its unit writes it, without decimals: "1 %", "0". */
function withUnitTarget(indicator: Indicator, value: number, locale: Locale): string {
  return indicator.unit === "percent" ? formatShare(value, 0, locale) : String(value);
}

/** For components that are not async (client or server). */
export function useIndicatorText(): (indicator: Indicator) => IndicatorText {
  return texts(useTranslations("indicators") as unknown as Translate, useTranslations("indicatorUnits") as unknown as Translate, useLocale());
}

/** For async server components. */
export async function getIndicatorText(): Promise<(indicator: Indicator) => IndicatorText> {
  const [t, units, locale] = await Promise.all([getTranslations("indicators"), getTranslations("indicatorUnits"), getLocale()]);
  return texts(t as unknown as Translate, units as unknown as Translate, locale);
}
