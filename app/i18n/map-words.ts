/** The map's values and legend (lib/map/indicators.ts) in the interface's language. */
import { useTranslations } from "next-intl";
import { INDICATORS } from "@/lib/indicators/catalogue";
import type { MapWords } from "@/lib/map/indicators";
import { useIndicatorText } from "./indicators";

export function useMapWords(): MapWords {
  const t = useTranslations("map");
  const ratings = useTranslations("ratings");
  const text = useIndicatorText();
  return {
    format: (indicator, value) => text(INDICATORS[indicator]).format(value),
    noValue: (reason) => t(`noValue.${reason}`),
    band: (band) => ratings(band),
    targetMet: (indicator) => text(INDICATORS[indicator]).metLabel ?? "",
  };
}
