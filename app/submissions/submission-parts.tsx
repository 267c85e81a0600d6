/** Pieces the regulator's and the reviewers' submission pages share. */
import { useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";
import type { Db } from "@/db/client";
import type { AuditEventRow, SubmissionDetail, SubmissionListItem } from "@/db/queries/submissions";
import { recordNamer } from "@/db/queries/record-names";
import { reviewChanges } from "@/db/queries/submissions";
import { DateText } from "@/app/components/date-text";
import { ChangeDiff } from "./change-diff";
import type { FieldSpec } from "@/app/components/forms/entity-form";
import { changeLabelsOf, diffFields, ENTITY_NAME } from "./entities";
import { actionKey, actionName } from "@/app/history/record-labels";
import type { EditableEntity } from "@/lib/policy";

export function StatusBadge({ status }: { status: SubmissionListItem["status"] }) {
  const t = useTranslations("submissionStatus");
  return <span className={`badge submission-${status}`}>{t(status)}</span>;
}

export function SubmissionTable({
  items,
  hrefBase,
  caption,
  showState,
}: {
  items: SubmissionListItem[];
  hrefBase: string;
  caption: string;
  showState: boolean;
}) {
  const t = useTranslations("submissions");
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("submission")}</th>
            {showState ? <th scope="col">{t("state")}</th> : null}
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("changes")}</th>
            <th scope="col">{t("from")}</th>
            <th scope="col">{t("sent")}</th>
            <th scope="col">{t("message")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <Link href={`${hrefBase}/${s.id}`}>#{s.id}</Link>
              </th>
              {showState ? <td>{s.stateCode}</td> : null}
              <td>
                <StatusBadge status={s.status} />
              </td>
              <td className="num">{s.changeCount}</td>
              <td>{s.authorName}</td>
              <td>
                <DateText value={s.createdAt.slice(0, 10)} />
              </td>
              <td>{s.message.length > 120 ? `${s.message.slice(0, 118)}…` : s.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SubmissionFacts({ s }: { s: SubmissionDetail }) {
  const t = useTranslations("submissions");
  return (
    <dl className="facts">
      <dt>{t("status")}</dt>
      <dd>
        <StatusBadge status={s.status} />
      </dd>
      <dt>{t("memberState")}</dt>
      <dd>{s.stateCode}</dd>
      <dt>{t("from")}</dt>
      <dd>
        {s.authorName} ({s.authorEmail})
      </dd>
      <dt>{t("sent")}</dt>
      <dd>{s.createdAt.replace("T", " ").slice(0, 16)} UTC</dd>
      <dt>{t("message")}</dt>
      <dd style={{ whiteSpace: "pre-line" }}>{s.message}</dd>
      {s.reviewerName ? (
        <>
          <dt>{t("reviewedBy")}</dt>
          <dd>
            {s.reviewerName}
            {s.reviewedAt ? `, ${s.reviewedAt.replace("T", " ").slice(0, 16)} UTC` : null}
          </dd>
        </>
      ) : null}
      {s.reviewComment ? (
        <>
          <dt>{s.status === "rejected" ? t("reason") : t("reviewerComment")}</dt>
          <dd style={{ whiteSpace: "pre-line" }}>{s.reviewComment}</dd>
        </>
      ) : null}
      <dt>{t("version")}</dt>
      <dd>{s.version}</dd>
    </dl>
  );
}

/** Every change against the current record, each named by what it is about. */
export function ChangeList({ db, s }: { db: Db; s: SubmissionDetail }) {
  const tm = useTranslations();
  const reviews = reviewChanges(db, s.stateCode, s.changes);
  const labels = changeLabelsOf(db, s.stateCode, s.changes, tm);
  const fieldsFor = new Map<EditableEntity, FieldSpec[]>();
  const fields = (e: EditableEntity) => fieldsFor.get(e) ?? fieldsFor.set(e, diffFields(db, e, s.stateCode, s.changes, tm)).get(e)!;
  return (
    <>
      {reviews.map((r, i) => (
        <ChangeDiff key={r.change.id} review={r} index={i} label={labels[i]!} fields={fields(r.change.entity)} />
      ))}
    </>
  );
}

export function AuditTrail({ db, events }: { db: Db; events: AuditEventRow[] }) {
  const t = useTranslations("audit");
  const names = useTranslations("recordNames");
  if (events.length === 0) return null;
  // A record of a kind a submission changes is named as the drafter's picker names its kind ("National measure: …").
  const kindName: Record<EditableEntity, string> = {
    national_measure: names("nationalMeasure"),
    transposition: names("transpositionEntry"),
    notification: names("notificationName"),
  };
  const actionLabel = (a: string) => (t.has(`action.${actionKey(a)}` as never) ? t(`action.${actionKey(a)}` as never) : actionName(a));
  const entityLabel = (e: string) => (t.has(`entity.${e}` as never) ? t(`entity.${e}` as never) : e);
  const namer = recordNamer(db);
  const nameOf = (e: AuditEventRow) => namer.name(e.entity as EditableEntity, (e.after ?? e.before) as Record<string, unknown> | null);
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t("trailHeading")}</h2>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t("trailCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("record")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{e.at.replace("T", " ").slice(0, 19)}</td>
                <td>{e.actorLabel}</td>
                <td>{actionLabel(e.action)}</td>
                <td>
                  {e.entity === "submission" ? (
                    t("submissionRecord", { id: String(e.recordId) })
                  ) : e.entity in ENTITY_NAME ? (
                    <Link href={`/history/${e.entity}/${e.recordId}`}>
                      {kindName[e.entity as EditableEntity]}: {nameOf(e)}
                    </Link>
                  ) : (
                    `${entityLabel(e.entity)} #${e.recordId}`
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
