import type { InventorySnapshot, IsoDate } from "@/lib/indicators/inventory";
import { computeCoverageBySecurityProperty } from "@/lib/indicators/coverage";
import { membersOn } from "@/lib/indicators/deadlines";
import { label, securityProperties } from "@/lib/vocabulary";
import { percentOf, type ChartTable } from "./types";

/**
 * Provision coverage by COM(2001)298 security property per Member State on
 * asOf (computeCoverageBySecurityProperty): for each property, the provisions
 * imposing an obligation tagged with it that the state had to transpose by
 * then, assessed `full`, as a share of those assessed. States with no
 * assessed provision are left out (named in the caption by number).
 */
export function coverageChart(snapshot: InventorySnapshot, asOf: IsoDate): ChartTable {
  const cells = computeCoverageBySecurityProperty(snapshot, asOf);
  const members = membersOn(snapshot, asOf);
  const rows: ChartTable["rows"] = [];
  for (const state of members) {
    const own = cells.filter((c) => c.stateCode === state.code);
    if (!own.some((c) => c.assessedCount > 0)) continue;
    const row: ChartTable["rows"][number] = { state: `${state.name} (${state.code})` };
    for (const p of securityProperties) {
      const cell = own.find((c) => c.property === p);
      row[`${p}_percent`] = percentOf(cell?.coverage ?? null);
      row[`${p}_assessed`] = cell?.assessedCount ?? 0;
    }
    rows.push(row);
  }
  return {
    id: "coverage",
    title: `Provision coverage by security property per Member State, as of ${asOf}`,
    caption:
      `For each security property of COM(2001)298 §2.1, the provisions (of any instrument, repealed ones included) imposing an obligation tagged with it, requiring transposition and past the state's deadline: ` +
      `the share assessed "full" among those assessed. Provisions not yet assessed ("unknown") are left out, so a bar says nothing about them; the "assessed" columns give the number behind each bar. ` +
      `${members.length - rows.length} of ${members.length} member states have no assessed provision and are not drawn.`,
    asOf,
    columns: [
      { key: "state", label: "Member State", kind: "text" },
      ...securityProperties.flatMap((p) => [
        { key: `${p}_percent`, label: `${label(p)} coverage (%)`, kind: "number" as const },
        { key: `${p}_assessed`, label: `${label(p)} assessed`, kind: "number" as const },
      ]),
    ],
    rows,
    figures: { undrawn: members.length - rows.length, states: members.length },
    emptyMessage: rows.length ? null : `No Member State has an assessed provision on ${asOf}.`,
  };
}
