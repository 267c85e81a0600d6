"use client";

/**
 * The recharts drawings of /charts. Each takes the rows of its ChartTable
 * (lib/charts) — the same rows the data table lists and the CSV exports —
 * and draws nothing else.
 */
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Row = Record<string, string | number | null>;

const COLOURS = ["#0b4ea2", "#d95f02", "#1b9e77", "#7570b3"] as const;
const HEIGHT = 380;

export function DeficitBars({ rows, references }: { rows: Row[]; references: { value: number; label: string }[] }) {
  const t = useTranslations("charts");
  const max = Math.max(2, ...rows.map((r) => Number(r.deficit_percent ?? 0)));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart accessibilityLayer={false} data={rows} margin={{ top: 16, right: 24, bottom: 72, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="state"
          angle={-40}
          textAnchor="end"
          interval={0}
          height={80}
          label={{ value: t("axes.memberState"), position: "insideBottom", offset: -64 }}
        />
        <YAxis domain={[0, Math.ceil(max)]} label={{ value: t("axes.deficit"), angle: -90, position: "insideLeft" }} />
        <Tooltip />
        <Legend verticalAlign="top" />
        <Bar dataKey="deficit_percent" name={t("series.deficit")} fill={COLOURS[0]} />
        {references.map((r, i) => (
          <ReferenceLine
            key={r.label}
            y={r.value}
            stroke={i === 0 ? "#a1141b" : "#7a4b00"}
            strokeDasharray={i === 0 ? "6 3" : "2 2"}
            // The targets lie a few pixels apart (1 % and 0.5 %): the labels go above the lines, the higher line's a line higher.
            label={{ value: r.label, position: "insideBottomRight", offset: 4 + (references.length - 1 - i) * 16, fill: "#1b1b1f" }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const yearOf = (ms: number) => new Date(ms).getUTCFullYear().toString();

export function TimelineLines({ rows, deadline, repealedFrom }: { rows: Row[]; deadline: string | null; repealedFrom: string | null }) {
  const t = useTranslations("charts");
  const locale = useLocale();
  const data = rows.map((r) => ({ ...r, t: toTime(String(r.date)) }));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart accessibilityLayer={false} data={data} margin={{ top: 16, right: 24, bottom: 32, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={yearOf}
          label={{ value: t("axes.date"), position: "insideBottom", offset: -16 }}
        />
        <YAxis allowDecimals={false} label={{ value: t("axes.memberStates"), angle: -90, position: "insideLeft" }} />
        <Tooltip labelFormatter={(v) => formatDate(new Date(Number(v)).toISOString().slice(0, 10), locale)} />
        <Legend verticalAlign="top" />
        <Line type="stepAfter" dataKey="states_transposed" name={t("series.statesTransposed")} stroke={COLOURS[0]} strokeWidth={2} dot={false} />
        <Line type="stepAfter" dataKey="of_which_date_inferred" name={t("series.ofWhichInferred")} stroke={COLOURS[1]} strokeDasharray="5 3" dot={false} />
        <Line type="stepAfter" dataKey="member_states" name={t("series.memberStates")} stroke="#555" strokeDasharray="2 2" dot={false} />
        {deadline ? (
          <ReferenceLine
            x={toTime(deadline)}
            stroke="#a1141b"
            strokeDasharray="6 3"
            label={{ value: t("markers.deadline", { date: formatDate(deadline, locale) }), position: "insideTopLeft", fill: "#1b1b1f" }}
          />
        ) : null}
        {repealedFrom ? (
          <ReferenceLine
            x={toTime(repealedFrom)}
            stroke="#555"
            label={{ value: t("markers.repealed", { date: formatDate(repealedFrom, locale) }), position: "insideTopRight", fill: "#1b1b1f" }}
          />
        ) : null}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function DelayBars({ rows }: { rows: Row[] }) {
  const t = useTranslations("charts");
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart accessibilityLayer={false} data={rows} margin={{ top: 16, right: 24, bottom: 32, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="delay" label={{ value: t("axes.delay"), position: "insideBottom", offset: -16 }} />
        <YAxis allowDecimals={false} label={{ value: t("axes.pairs"), angle: -90, position: "insideLeft" }} />
        <Tooltip />
        <Legend verticalAlign="top" />
        <Bar dataKey="transposed_recorded_date" name={t("series.transposedRecorded")} stackId="a" fill={COLOURS[0]} />
        <Bar dataKey="transposed_inferred_date" name={t("series.transposedInferred")} stackId="a" fill={COLOURS[2]} />
        <Bar dataKey="not_transposed" name={t("series.notTransposed")} stackId="a" fill={COLOURS[1]} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function CoverageBars({ rows, properties }: { rows: Row[]; properties: { key: string; label: string }[] }) {
  const t = useTranslations("charts");
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart accessibilityLayer={false} data={rows} margin={{ top: 16, right: 24, bottom: 72, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="state"
          angle={-40}
          textAnchor="end"
          interval={0}
          height={80}
          label={{ value: t("axes.memberState"), position: "insideBottom", offset: -64 }}
        />
        <YAxis domain={[0, 100]} label={{ value: t("axes.coverage"), angle: -90, position: "insideLeft", dy: 120 }} />
        <Tooltip />
        <Legend verticalAlign="top" />
        {properties.map((p, i) => (
          <Bar key={p.key} dataKey={`${p.key}_percent`} name={p.label} fill={COLOURS[i % COLOURS.length]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
