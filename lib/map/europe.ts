/**
 * The map of Europe, drawn offline: country outlines from world-atlas
 * (Natural Earth, bundled in node_modules — no tile server, no network)
 * projected with d3-geo into SVG path strings on the server: the Member
 * States at 1:50m (the 1:110m set has no Malta), their neighbours, drawn only
 * for context, at 1:110m to keep the page small.
 *
 * Projection: Lambert azimuthal equal-area centred on 10°E 52°N, the
 * projection of the EU's ETRS89-LAEA grid (EPSG:3035), fitted to 12°W–35°E,
 * 34°N–71°N and clipped to the frame (French overseas departments and other
 * far territories fall outside it).
 */
import { geoAzimuthalEqualArea, geoPath, type GeoContext } from "d3-geo";
import { feature } from "topojson-client";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import countries50m from "world-atlas/countries-50m.json";
import { euCodeOf } from "./eu-codes";

export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 560;

export interface CountryShape {
  /** ISO 3166-1 numeric id from world-atlas, when it has one. */
  isoId: string | null;
  /** EU code for an EU (or former EU) Member State, else null. */
  euCode: string | null;
  name: string;
  /** SVG path data in the map's coordinate space. */
  d: string;
  /** Centroid and projected area, for a marker on states too small to click. */
  centroid: [number, number];
  area: number;
}

/**
 * Points of an outline closer than this to the last one drawn are left out (map units; the map is drawn at most
 * MAP_WIDTH px wide, so a unit is at most a CSS pixel). The 1:50m coastlines have many points per pixel: thinning them
 * takes the path data from 114 to 72 KB, which every dashboard sends twice (its HTML and React's payload).
 */
export const MIN_POINT_DISTANCE = 1;

/** Projected area below which a state also gets a round marker (Malta, Luxembourg). */
export const SMALL_AREA = 60;

// The frame the map is fitted to: the corners and mid-edges of 12°W–35°E × 34°N–71°N.
const FRAME: Geometry = {
  type: "MultiPoint",
  coordinates: [
    [-12, 34],
    [11.5, 34],
    [35, 34],
    [-12, 71],
    [11.5, 71],
    [35, 71],
  ],
};

let cached: CountryShape[] | null = null;

/** Every country overlapping the frame, projected once per process (the geometry never changes). */
export function europeShapes(): CountryShape[] {
  if (cached) return cached;
  type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const featuresOf = (topology: Countries) => (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
  const isoOf = (f: Feature) => (f.id === undefined ? null : String(f.id).padStart(3, "0"));
  const members = featuresOf(countries50m as unknown as Countries).filter((f) => euCodeOf(isoOf(f)) !== null);
  const neighbours = featuresOf(countries110m as unknown as Countries).filter((f) => euCodeOf(isoOf(f)) === null);
  const margin = 8;
  const projection = geoAzimuthalEqualArea()
    .rotate([-10, -52])
    .fitExtent(
      [
        [margin, margin],
        [MAP_WIDTH - margin, MAP_HEIGHT - margin],
      ],
      FRAME,
    )
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ]);
  const path = geoPath(projection);
  const shapes: CountryShape[] = [];
  for (const f of [...neighbours, ...members]) {
    const thin = new ThinPath(MIN_POINT_DISTANCE);
    geoPath(projection, thin)(f);
    const d = thin.toString();
    if (!d) continue;
    const isoId = isoOf(f);
    const [x, y] = path.centroid(f);
    shapes.push({
      isoId,
      euCode: euCodeOf(isoId),
      name: f.properties.name,
      d,
      centroid: [Math.round(x * 10) / 10, Math.round(y * 10) / 10],
      area: path.area(f),
    });
  }
  cached = shapes;
  return shapes;
}

/**
 * A d3-geo path context that writes SVG path data with one decimal, leaving out each point closer than `minDistance`
 * to the last one written (a ring's start is always kept, and its end is closed by Z).
 */
class ThinPath implements GeoContext {
  private parts: string[] = [];
  private lastX = NaN;
  private lastY = NaN;
  constructor(private readonly minDistance: number) {}
  private point(command: "M" | "L", x: number, y: number) {
    this.parts.push(`${command}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`);
    this.lastX = x;
    this.lastY = y;
  }
  moveTo(x: number, y: number) {
    this.point("M", x, y);
  }
  lineTo(x: number, y: number) {
    if (Math.hypot(x - this.lastX, y - this.lastY) >= this.minDistance) this.point("L", x, y);
  }
  closePath() {
    this.parts.push("Z");
  }
  /** Only for point geometries, which the map has none of. */
  arc() {}
  beginPath() {}
  toString() {
    return this.parts.join("");
  }
}
