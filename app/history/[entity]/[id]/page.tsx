import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/format";
import { eventTime } from "../../event-time";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listEventsForRecord } from "@/db/queries/audit";
import { requirePermission } from "@/server/auth/require";
import { diffRecords } from "@/lib/diff";
import { eventView, visibleChanges } from "@/lib/history-view";
import { actionName, entityName, recordLabels } from "../../record-labels";
import { FieldChanges } from "../../field-changes";
import { can, editableEntities, type EditableEntity } from "@/lib/policy";
import { recordId } from "@/lib/validation/common";
import { entityDefinitions } from "@/db/entities";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("title") };
}

const historyEntity = z.enum([...editableEntities, "user", "provision", "obligation", "instrument", "instrument_lineage", "member_state", "source"]);

interface Props {
  params: Promise<{ entity: string; id: string }>;
  searchParams: Promise<{ notice?: string }>;
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const raw = await params;
  const entity = historyEntity.safeParse(raw.entity);
  const id = recordId.safeParse(raw.id);
  if (!entity.success || !id.success) notFound();
  const actor = await requirePermission(entity.data === "user" ? "user.manage" : "record.history", undefined, `/history/${raw.entity}/${raw.id}`);
  const db = getDb();
  const events = listEventsForRecord(db, entity.data, id.data);
  if (events.length === 0) notFound();
  const editable = (editableEntities as readonly string[]).includes(entity.data) ? (entity.data as EditableEntity) : null;
  const current = editable ? entityDefinitions[editable].writer.snapshot(db, id.data) : undefined;
  const mayRestore = editable !== null && can(actor, "record.restore");
  // Who acted and through which submission is for staff; others see what changed, when and why (lib/history-view.ts).
  const seesIdentities = can(actor, "audit.view");
  const { fieldLabel, recordName: nameOf } = recordLabels(db, entity.data, await getTranslations());
  const recordName = nameOf((events[0]?.after ?? events[0]?.before) as Record<string, unknown> | null, id.data);
  const { notice } = await searchParams;
  const t = await getTranslations("history");
  const locale = (await getLocale()) as Locale;
  // Actions and record types by their words in the language; one no catalogue names yet reads as record-labels.ts names it.
  const actionWord = (action: string) => (t.has(`action.${action}` as never) ? t(`action.${action}` as never) : actionName(action));
  const entityWord = t.has(`entity.${entity.data}` as never) ? t(`entity.${entity.data}` as never) : entityName(entity.data);
  const words = { seed: t("seed"), staff: t("staff") };

  return (
    <>
      <h1>{t("heading", { name: recordName ?? t("recordOf", { entity: entityWord, id: id.data }) })}</h1>
      {recordName ? <p className="muted">{t("recordOf", { entity: entityWord, id: id.data })}</p> : null}
      <p className="lead">
        {t("count", { count: events.length })} {current ? t("atVersion", { version: current.version }) : editable ? t("deleted") : ""}
      </p>
      {notice === "restored" ? (
        <p role="status" className="form-message">
          <span className="ok">{t("restored")}</span>
        </p>
      ) : null}
      <ol className="history">
        {events.map((event) => {
          const changes = visibleChanges(
            diffRecords(event.before as Record<string, unknown> | null, event.after as Record<string, unknown> | null),
            seesIdentities,
          );
          const view = eventView(event, seesIdentities, words);
          const at = eventTime(event.at, locale);
          const version = (event.after as { version?: number } | null)?.version;
          return (
            <li key={event.id}>
              <h2>
                {actionWord(event.action)}
                {version ? t("toVersion", { version }) : ""}{" "}
                <span className="muted">
                  · {at} · {view.who}
                </span>
              </h2>
              {view.submissionId ? (
                <p>{t.rich("through", { id: view.submissionId, link: (chunks) => <Link href={`/staff/submissions/${view.submissionId}`}>{chunks}</Link> })}</p>
              ) : view.throughSubmission ? (
                <p>{t("throughSubmission")}</p>
              ) : null}
              {view.reason ? <p>{t("reason", { reason: view.reason })}</p> : null}
              {changes.length ? (
                <FieldChanges
                  changes={changes}
                  fieldLabel={fieldLabel}
                  caption={t("fieldsCaption", { id: event.id })}
                  hideCaption
                  columns={{ before: t("before"), after: t("after") }}
                />
              ) : (
                <p className="muted">{t("noField")}</p>
              )}
              {mayRestore && editable && (event.after || event.action === "delete") && event.id !== events[0]!.id ? (
                <p>
                  <Link href={`/history/${editable}/${id.data}/restore/${event.id}`}>
                    {t("restoreLink")}
                    <span className="visually-hidden">{t("recordedAt", { at })}</span>
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
