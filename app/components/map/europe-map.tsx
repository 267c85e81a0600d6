import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";
import { useIndicatorText } from "@/app/i18n/indicators";
import { useMapWords } from "@/app/i18n/map-words";
import { europeShapes, MAP_HEIGHT, MAP_WIDTH, SMALL_AREA } from "@/lib/map/europe";
import { INDICATORS, isHigherBetter } from "@/lib/indicators/catalogue";
import { classOf, colourClasses, NO_DATA_COLOUR, NOT_MEMBER_COLOUR, type MapIndicator, type StateValue } from "@/lib/map/indicators";

export interface MapState {
  code: string;
  name: string;
  isMember: boolean;
  href: string;
}

/**
 * The map of Europe coloured by one indicator, drawn on the server as SVG.
 * Every Member State in the inventory is a link to its page whose accessible
 * name gives its value; states too small to hit get a round marker; the
 * legend and the value table beside the map carry the same information as
 * the colours.
 */
export function EuropeMap({
  indicator,
  values,
  states,
  asOfDate,
}: {
  indicator: MapIndicator;
  values: Map<string, StateValue>;
  states: MapState[];
  asOfDate: string;
}) {
  const t = useTranslations("map");
  const locale = useLocale();
  const info = INDICATORS[indicator];
  const text = useIndicatorText()(info);
  const classes = colourClasses(
    indicator,
    [...values.values()].map((v) => v.value),
    useMapWords(),
  );
  const byCode = new Map(states.map((s) => [s.code, s]));
  const shapes = europeShapes();
  const fillOf = (code: string) => {
    const state = byCode.get(code);
    if (!state?.isMember) return NOT_MEMBER_COLOUR;
    const v = values.get(code)?.value ?? null;
    if (v === null) return "url(#map-no-data)";
    return classOf(v, classes)?.colour ?? NO_DATA_COLOUR;
  };
  const describe = (code: string) => {
    const state = byCode.get(code)!;
    if (!state.isMember) return t("notMemberState", { state: state.name, code, date: formatDate(asOfDate, locale) });
    const v = values.get(code);
    return t("stateValue", { state: state.name, code, label: text.label, value: v?.text || t("noValueShort") });
  };
  return (
    <figure className="eu-map">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-label={t("svgLabel", { label: text.label, date: formatDate(asOfDate, locale) })}>
        <defs>
          <pattern id="map-no-data" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={NO_DATA_COLOUR} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" strokeWidth="1.5" />
          </pattern>
        </defs>
        <rect width={MAP_WIDTH} height={MAP_HEIGHT} className="sea" />
        <g aria-hidden="true">
          {shapes
            .filter((s) => s.euCode === null || !byCode.has(s.euCode))
            .map((s, i) => (
              <path key={`n${i}`} d={s.d} className="neighbour" />
            ))}
        </g>
        {/* In the order of the state names, as the table beside the map: the order keyboard focus moves through them. */}
        {shapes
          .filter((s) => s.euCode !== null && byCode.has(s.euCode))
          .sort((a, b) => byCode.get(a.euCode!)!.name.localeCompare(byCode.get(b.euCode!)!.name, locale))
          .map((s) => {
            const code = s.euCode!;
            const label = describe(code);
            return (
              <a key={code} href={byCode.get(code)!.href} aria-label={label} className="state">
                <title>{label}</title>
                <path d={s.d} fill={fillOf(code)} />
                {s.area < SMALL_AREA ? <circle cx={s.centroid[0]} cy={s.centroid[1]} r={5} fill={fillOf(code)} className="marker" /> : null}
              </a>
            );
          })}
      </svg>
      <figcaption>
        <p className="legend-title">
          {t.rich(isHigherBetter(info) ? "legendTitleHigher" : "legendTitleLower", {
            strong: (chunks) => <strong>{chunks}</strong>,
            label: text.label,
            date: () => <time dateTime={asOfDate}>{formatDate(asOfDate, locale)}</time>,
          })}
        </p>
        <ul className="legend" aria-label={t("legend")}>
          {classes.map((c) => (
            <li key={c.label}>
              <svg width="18" height="14" aria-hidden="true">
                <rect width="18" height="14" fill={c.colour} stroke="#555" />
              </svg>{" "}
              {c.label}
            </li>
          ))}
          <li>
            <svg width="18" height="14" aria-hidden="true">
              <rect width="18" height="14" fill="url(#map-no-data)" stroke="#555" />
            </svg>{" "}
            {t("noValueHatched")}
          </li>
          <li>
            <svg width="18" height="14" aria-hidden="true">
              <rect width="18" height="14" fill={NOT_MEMBER_COLOUR} stroke="#555" />
            </svg>{" "}
            {t("notMemberGrey")}
          </li>
        </ul>
        <p className="muted small">
          {text.definition} {t("boundaries")}
        </p>
      </figcaption>
    </figure>
  );
}
