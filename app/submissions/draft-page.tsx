/**
 * The draft page for a new submission and for a revision: pick what to
 * change (a GET form, so the choice lives in the URL and works without
 * script), fill the staff form for that record, and send the draft.
 */
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";
import { useLocalePath } from "@/app/i18n/paths";
import type { Locale } from "@/lib/format";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listRecordsInState, recordNamer } from "@/db/queries/record-names";
import { findRecordInState } from "@/db/queries/submissions";
import { entityDefinitions } from "@/db/entities";
import { editableEntities, type EditableEntity } from "@/lib/policy";
import { changeLabel } from "@/lib/record-names";
import type { Translate as RootTranslate } from "@/lib/translate";
import { recordId } from "@/lib/validation/common";
import { submissionOperations } from "@/lib/vocabulary";
import * as actions from "./actions";
import { Drafter, type ChangeEditor } from "./drafter";
import { ClientMessages } from "@/app/i18n/client-messages-provider";
import type { Draft } from "./draft-store";
import { configOf, LIST_FIELDS, regulatorFields } from "./entities";
import type { Submitter } from "./guard";

export const draftQuery = z.object({
  operation: z.enum(submissionOperations).optional().catch(undefined),
  entity: z.enum(editableEntities).optional().catch(undefined),
  record: recordId.optional().catch(undefined),
});
export type DraftQuery = z.infer<typeof draftQuery>;

const validators: Record<EditableEntity, { create: ChangeEditor["validate"]; update: ChangeEditor["validate"] }> = {
  national_measure: { create: actions.draftMeasureCreate, update: actions.draftMeasureUpdate },
  transposition: { create: actions.draftTranspositionCreate, update: actions.draftTranspositionUpdate },
  notification: { create: actions.draftNotificationCreate, update: actions.draftNotificationUpdate },
};

type Translate = ReturnType<typeof useTranslations<"submissions">>;

function buildEditor(actor: Submitter, q: DraftQuery, t: Translate, tm: RootTranslate, locale: Locale): ChangeEditor | null | "not-found" {
  if (!q.operation || !q.entity) return null;
  const db = getDb();
  const state = actor.memberStateCode;
  const entity = q.entity;
  if (q.operation === "create") {
    return {
      entity,
      operation: "create",
      recordId: null,
      baseVersion: null,
      label: t("newRecord", { kind: tm(`changeNouns.${entity}`) }),
      fields: regulatorFields(db, entity, state, tm, locale),
      values: configOf(entity).blank({ state }),
      lists: LIST_FIELDS[entity],
      validate: validators[entity].create,
      submitLabel: t("addToDraft"),
    };
  }
  if (!q.record) return null;
  // The record is looked up within the regulator's state; another state's id is simply not found.
  const inState = findRecordInState(db, entity, q.record, state);
  const snapshot = inState ? entityDefinitions[entity].writer.snapshot(db, q.record) : undefined;
  if (!snapshot) return "not-found";
  const facts = recordNamer(db).facts(entity, snapshot);
  if (q.operation === "update")
    return {
      entity,
      operation: "update",
      recordId: snapshot.id,
      baseVersion: snapshot.version,
      label: changeLabel("update", facts, tm),
      fields: regulatorFields(db, entity, state, tm, locale),
      values: snapshot,
      lists: LIST_FIELDS[entity],
      validate: validators[entity].update,
      submitLabel: t("addUpdate"),
    };
  return {
    entity,
    operation: "delete",
    recordId: snapshot.id,
    baseVersion: snapshot.version,
    label: changeLabel("delete", facts, tm),
    fields: [],
    values: {},
    lists: [],
    validate: actions.draftDeletion,
    submitLabel: t("addDeletion"),
  };
}

interface Props {
  actor: Submitter;
  query: DraftQuery;
  basePath: string;
  draftKey: string;
  initial?: Draft;
  revision?: { id: number; version: number; message: string };
}

export function DraftPage({ actor, query, basePath, draftKey, initial, revision }: Props) {
  const t = useTranslations("submissions");
  // The root translator as lib/ takes it (lib/translate.ts): change labels and form fields name their words in full.
  const tm = useTranslations() as unknown as RootTranslate;
  const localePath = useLocalePath();
  const editor = buildEditor(actor, query, t, tm, useLocale());
  const kindName: Record<EditableEntity, string> = {
    national_measure: tm("recordNames.nationalMeasure"),
    transposition: tm("recordNames.transpositionEntry"),
    notification: tm("recordNames.notificationName"),
  };
  const records = query.entity && query.operation && query.operation !== "create" ? listRecordsInState(getDb(), query.entity, actor.memberStateCode) : [];
  return (
    <>
      <section aria-labelledby="pick-heading">
        <h2 id="pick-heading">{t("chooseChange")}</h2>
        <form method="get" action={localePath(basePath)} className="entity-form">
          <div className="field">
            <label htmlFor="pick-operation">{t("whatToDo")}</label>
            <select id="pick-operation" name="operation" defaultValue={query.operation ?? "update"}>
              {submissionOperations.map((o) => (
                <option key={o} value={o}>
                  {t(`operation.${o}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pick-entity">{t("kindOfRecord")}</label>
            <select id="pick-entity" name="entity" defaultValue={query.entity ?? "national_measure"}>
              {editableEntities.map((e) => (
                <option key={e} value={e}>
                  {kindName[e]}
                </option>
              ))}
            </select>
          </div>
          {records.length > 0 ? (
            <div className="field">
              <label htmlFor="pick-record">{t("recordOf", { state: actor.memberStateCode })}</label>
              <select id="pick-record" name="record" defaultValue={query.record ? String(query.record) : undefined}>
                {records.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
              </select>
            </div>
          ) : query.operation && query.operation !== "create" && query.entity ? (
            <p className="muted">{t("noRecord", { kind: tm(`changeNouns.${query.entity}`), state: actor.memberStateCode })}</p>
          ) : null}
          <button type="submit" className="secondary">
            {records.length > 0 ? t("openRecord") : t("continue")}
          </button>
        </form>
        {editor === "not-found" ? (
          <p role="alert" className="form-message">
            <span className="error">{t("notFound", { state: actor.memberStateCode })}</span>
          </p>
        ) : null}
        {query.operation && query.operation !== "create" && query.entity && !query.record && records.length > 0 ? (
          <p className="muted">{t("chooseRecord")}</p>
        ) : null}
      </section>
      <ClientMessages namespaces={["submissions"]}>
        <Drafter
          draftKey={draftKey}
          initial={initial}
          editor={editor === "not-found" ? null : editor}
          send={revision ? actions.sendRevision : actions.sendSubmission}
          record={revision ? { id: revision.id, version: revision.version } : undefined}
          initialMessage={revision?.message}
        />
      </ClientMessages>
      <p>
        <Link href="/submissions">{t("back")}</Link>
      </p>
    </>
  );
}
