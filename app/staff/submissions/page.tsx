import { Link } from "@/app/i18n/navigation";
import { getLocalePath } from "@/app/i18n/paths";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { stateChoices } from "@/db/queries/options";
import { listSubmissions } from "@/db/queries/submissions";
import { requirePermission } from "@/server/auth/require";
import { submissionListFilter } from "@/lib/validation/submission";
import { submissionStatuses } from "@/lib/vocabulary";
import { SubmissionTable } from "@/app/submissions/submission-parts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("listTitle") };
}

export default async function StaffSubmissionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const localePath = await getLocalePath();
  await requirePermission("submission.review", undefined, "/staff/submissions");
  const raw = await searchParams;
  const filter = submissionListFilter.parse({ state: raw.state, status: raw.status });
  const db = getDb();
  const items = listSubmissions(db, { kind: "all" }, filter);
  const t = await getTranslations("review");
  const status = await getTranslations("submissionStatus");
  const locale = await getLocale();
  return (
    <>
      <p className="muted">
        <Link href="/staff">{t("crumbStaff")}</Link> / {t("crumbSubmissions")}
      </p>
      <h1>{t("listTitle")}</h1>
      <p className="lead">{t("listLead")}</p>
      <form method="get" action={localePath("/staff/submissions")} className="entity-form" aria-label={t("filterLabel")}>
        <div className="field">
          <label htmlFor="filter-state">{t("memberState")}</label>
          <select id="filter-state" name="state" defaultValue={filter.state ?? ""}>
            <option value="">{t("allStates")}</option>
            {stateChoices(db, locale).map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t("status")}</label>
          <select id="filter-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("anyStatus")}</option>
            {submissionStatuses.map((s) => (
              <option key={s} value={s}>
                {status(s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("filter")}
        </button>
      </form>
      {items.length === 0 ? <p>{t("noneMatch")}</p> : <SubmissionTable items={items} hrefBase="/staff/submissions" caption={t("caption")} showState />}
    </>
  );
}
