import { Link } from "@/app/i18n/navigation";
import { getLocalePath } from "@/app/i18n/paths";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { stateChoices } from "@/db/queries/options";
import { listSubmissions } from "@/db/queries/submissions";
import { requirePermission } from "@/server/auth/require";
import { submissionListFilter } from "@/lib/validation/submission";
import { submissionStatuses } from "@/lib/vocabulary";
import { STATUS_NAME } from "@/app/submissions/entities";
import { SubmissionTable } from "@/app/submissions/submission-parts";

export const metadata: Metadata = { title: "Regulators’ submissions" };

export default async function StaffSubmissionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const localePath = await getLocalePath();
  await requirePermission("submission.review", undefined, "/staff/submissions");
  const raw = await searchParams;
  const filter = submissionListFilter.parse({ state: raw.state, status: raw.status });
  const db = getDb();
  const items = listSubmissions(db, { kind: "all" }, filter);
  return (
    <>
      <p className="muted">
        <Link href="/staff">Staff</Link> / submissions
      </p>
      <h1>Regulators’ submissions</h1>
      <p className="lead">Pending submissions come first, oldest first. Open one to see each change against the current record.</p>
      <form method="get" action={localePath("/staff/submissions")} className="entity-form" aria-label="Filter submissions">
        <div className="field">
          <label htmlFor="filter-state">Member State</label>
          <select id="filter-state" name="state" defaultValue={filter.state ?? ""}>
            <option value="">All states</option>
            {stateChoices(db).map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">Any status</option>
            {submissionStatuses.map((s) => (
              <option key={s} value={s}>
                {STATUS_NAME[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          Filter
        </button>
      </form>
      {items.length === 0 ? <p>No submissions match.</p> : <SubmissionTable items={items} hrefBase="/staff/submissions" caption="Submissions" showState />}
    </>
  );
}
