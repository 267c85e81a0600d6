import { Link } from "@/app/i18n/navigation";
import type { FrozenFigures, StateComparison, ComparedFigure } from "@/lib/editions";
import { formatDecimal, formatShare, formatSigned, memberStateName, type Locale } from "@/lib/format";
import { useLocale, useTranslations } from "next-intl";
import type { MessageKey } from "@/lib/translate";

const FIGURE_LABELS: Record<ComparedFigure, MessageKey> = {
  deficit: "editions.figureDeficit",
  notTransposed: "editions.figureNotTransposed",
  longOverdue: "editions.figureLongOverdue",
  totalDelayMonths: "editions.figureTotalDelay",
  conformityDeficit: "editions.figureConformity",
  overallScore: "editions.figureOverall",
};

const SHARES: ReadonlySet<ComparedFigure> = new Set(["deficit", "conformityDeficit"]);

function value(figure: ComparedFigure, v: number | null, locale: Locale): string {
  if (v === null) return "—";
  if (SHARES.has(figure)) return formatShare(v, 1, locale);
  if (figure === "totalDelayMonths") return formatDecimal(v, 1, locale);
  return String(v);
}

function difference(figure: ComparedFigure, v: number | null, locale: Locale): string {
  if (v === null || v === 0) return "";
  if (SHARES.has(figure)) return `${v > 0 ? "+" : "−"}${formatDecimal(Math.abs(v) * 100, 1, locale)} pp`;
  if (figure === "totalDelayMonths") return `${v > 0 ? "+" : "−"}${formatDecimal(Math.abs(v), 1, locale)}`;
  return formatSigned(v, locale);
}

/** The head both tables share: the Member State, then each compared figure. */
function FiguresHead({ columns }: { columns: ComparedFigure[] }) {
  const tm = useTranslations();
  return (
    <thead>
      <tr>
        <th scope="col">{tm("editions.state")}</th>
        {columns.map((c) => (
          <th scope="col" key={c}>
            {tm(FIGURE_LABELS[c])}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** An edition's frozen headline figures per Member State. */
export function EditionFiguresTable({ figures, caption }: { figures: FrozenFigures[]; caption: string }) {
  const locale = useLocale();
  const columns = Object.keys(FIGURE_LABELS) as ComparedFigure[];
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <FiguresHead columns={columns} />
        <tbody>
          {figures.map((f) => (
            <tr key={f.stateCode}>
              <th scope="row">
                <Link href={`/member-states/${f.stateCode}`}>{memberStateName(f.stateCode, f.stateName, locale)}</Link> ({f.stateCode})
              </th>
              {columns.map((c) => (
                <td key={c}>{c === "notTransposed" ? `${f.notTransposed} / ${f.assessed}` : value(c, f[c], locale)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Two editions' figures side by side, per Member State: "from → to (difference)". */
export function EditionComparisonTable({ rows, caption }: { rows: StateComparison[]; caption: string }) {
  const tm = useTranslations();
  const locale = useLocale();
  const columns = Object.keys(FIGURE_LABELS) as ComparedFigure[];
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <FiguresHead columns={columns} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.stateCode}>
              <th scope="row">
                {memberStateName(r.stateCode, r.stateName, locale)} ({r.stateCode})
              </th>
              {!r.inFrom || !r.inTo ? (
                <td colSpan={columns.length}>{tm("editions.notMember")}</td>
              ) : (
                columns.map((c) => {
                  const f = r.figures[c];
                  const diff = difference(c, f.difference, locale);
                  return (
                    <td key={c}>
                      {f.from === f.to ? (
                        value(c, f.to, locale)
                      ) : (
                        <>
                          {value(c, f.from, locale)} → <strong>{value(c, f.to, locale)}</strong>
                          {diff ? <span className="cell-note">{diff}</span> : null}
                        </>
                      )}
                    </td>
                  );
                })
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
