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
  const info = INDICATORS[indicator];
  const classes = colourClasses(
    indicator,
    [...values.values()].map((v) => v.value),
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
    if (!state.isMember) return `${state.name} (${code}): not a member on ${asOfDate}`;
    const v = values.get(code);
    return `${state.name} (${code}): ${info.label} ${v?.text || "no value"}`;
  };
  return (
    <figure className="eu-map">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-label={`Map of Europe: ${info.label} by Member State, as of ${asOfDate}`}>
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
          .sort((a, b) => byCode.get(a.euCode!)!.name.localeCompare(byCode.get(b.euCode!)!.name, "en"))
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
          <strong>{info.label}</strong> as of <time dateTime={asOfDate}>{asOfDate}</time>
          {isHigherBetter(info) ? " (higher is better)" : " (lower is better)"}; lighter is better, dark red worse
        </p>
        <ul className="legend" aria-label="Legend">
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
            No value (hatched)
          </li>
          <li>
            <svg width="18" height="14" aria-hidden="true">
              <rect width="18" height="14" fill={NOT_MEMBER_COLOUR} stroke="#555" />
            </svg>{" "}
            Not a member on this date (plain grey)
          </li>
        </ul>
        <p className="muted small">
          {info.definition} Boundaries: Natural Earth via world-atlas (1:50m; neighbours 1:110m), Lambert azimuthal equal-area projection centred on 10°E 52°N.
        </p>
      </figcaption>
    </figure>
  );
}
