/**
 * What a page says about a query parameter it could not use (lib/table-state.ts, lib/dashboard-params.ts, lib/as-of.ts):
 * a stable code and its values, not a sentence, so that lib/ stays free of the interface's language. The page words a
 * notice in the reader's language (`paramNotices` in messages/<locale>.json); the CSV export, the JSON API and the
 * report routes word the same notice with the same catalogue (English for the API, whose problem+json stays English).
 */
import type { Translate } from "./translate";

/** Why a value was refused. */
export type ParamReason =
  | { code: "stateCode" }
  | { code: "celex" }
  | { code: "obligationKey" }
  | { code: "isoDate" }
  | { code: "dateBounds" }
  | { code: "yesNo" }
  | { code: "oneOf"; allowed: readonly string[] }
  | { code: "positiveWhole" };

export type ParamNotice =
  /** A value of a filter was dropped. */
  | { code: "ignored"; name: string; value: string; reason: ParamReason }
  /** A date range whose start is after its end was dropped. */
  | { code: "rangeReversed"; prefix: string; from: string; to: string }
  | { code: "sortIgnored"; value: string; allowed: readonly string[] }
  | { code: "pageIgnored"; value: string }
  | { code: "pageSizeClamped"; requested: number; shown: number; max: number }
  | { code: "pageSizeIgnored"; value: string; max: number }
  | { code: "queryCut"; max: number }
  /** A view parameter (dashboard, gap matrix, charts) was replaced by its default. */
  | { code: "defaultUsed"; name: string; reason: ParamReason }
  /** `as_of` was unusable: the view is today's. */
  | { code: "asOfInvalid"; today: string; reason: ParamReason };

/** A refused value as it is quoted back: JSON-quoted (so spaces and quotes show), at most 40 characters. */
export function quoted(value: string): string {
  return JSON.stringify(value.slice(0, 40));
}

export function reasonText(reason: ParamReason, t: Translate): string {
  switch (reason.code) {
    case "stateCode":
      return t("paramNotices.reasonStateCode");
    case "celex":
      return t("paramNotices.reasonCelex");
    case "obligationKey":
      return t("paramNotices.reasonObligationKey");
    case "isoDate":
      return t("paramNotices.reasonIsoDate");
    case "dateBounds":
      return t("paramNotices.reasonDateBounds", { min: "1950-01-01", max: "2100-12-31" });
    case "yesNo":
      return t("paramNotices.reasonYesNo");
    case "oneOf":
      return t("paramNotices.reasonOneOf", { allowed: reason.allowed.join(", ") });
    case "positiveWhole":
      return t("paramNotices.reasonPositiveWhole");
  }
}

/** The notice in the language of `t`. */
export function noticeText(notice: ParamNotice, t: Translate): string {
  switch (notice.code) {
    case "ignored":
      return t("paramNotices.ignored", { name: notice.name, value: quoted(notice.value), reason: reasonText(notice.reason, t) });
    case "rangeReversed":
      return t("paramNotices.rangeReversed", { prefix: notice.prefix, from: notice.from, to: notice.to });
    case "sortIgnored":
      return t("paramNotices.sortIgnored", { value: quoted(notice.value), allowed: notice.allowed.join(", ") });
    case "pageIgnored":
      return t("paramNotices.pageIgnored", { value: quoted(notice.value) });
    case "pageSizeClamped":
      return t("paramNotices.pageSizeClamped", { requested: String(notice.requested), shown: notice.shown, max: notice.max });
    case "pageSizeIgnored":
      return t("paramNotices.pageSizeIgnored", { value: quoted(notice.value), max: notice.max });
    case "queryCut":
      return t("paramNotices.queryCut", { max: notice.max });
    case "defaultUsed":
      return t("paramNotices.defaultUsed", { name: notice.name, reason: reasonText(notice.reason, t) });
    case "asOfInvalid":
      return t("paramNotices.asOfInvalid", { today: notice.today, reason: reasonText(notice.reason, t) });
  }
}
