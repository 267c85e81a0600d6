import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import { requirePermission } from "@/server/auth/require";
import { can } from "@/lib/policy";
import { getDb } from "@/db/client";
import { listSubmissions, submissionScopeFor } from "@/db/queries/submissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffHome({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const actor = await requirePermission("inventory.edit", undefined, "/staff");
  const { deleted } = await searchParams;
  const t = await getTranslations("staff");
  const locale = await getLocale();
  // What waits for review, oldest first (listSubmissions puts pending first).
  const pending = can(actor, "submission.review") ? listSubmissions(getDb(), submissionScopeFor(actor), { status: "pending" }, 10) : [];
  return (
    <>
      <h1>{t("heading")}</h1>
      {deleted ? (
        <p role="status" className="form-message">
          <span className="ok">{t("deleted")}</span>
        </p>
      ) : null}
      <h2>{t("waiting")}</h2>
      {pending.length === 0 ? (
        <p>{t("nothingWaiting")}</p>
      ) : (
        <ul>
          {pending.map((p) => (
            <li key={p.id}>
              <Link href={`/staff/submissions/${p.id}`}>{t("submissionFrom", { id: p.id, state: p.stateCode })}</Link> —{" "}
              {p.message.length > 100 ? `${p.message.slice(0, 99)}…` : p.message}{" "}
              <span className="muted">({t("changesSent", { count: p.changeCount, date: formatDate(p.createdAt.slice(0, 10), locale) })})</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("editHeading")}</h2>
      <ul>
        <li>
          <Link href="/staff/measures/new">{t("newMeasure")}</Link>
        </li>
        <li>
          <Link href="/staff/transpositions/new">{t("newTransposition")}</Link>
        </li>
        <li>
          <Link href="/staff/notifications/new">{t("newNotification")}</Link>
        </li>
        {can(actor, "eurlex.import") ? (
          <li>
            <Link href="/staff/eurlex">{t("eurlex")}</Link>
          </li>
        ) : null}
      </ul>
      <p className="muted">{t("editExisting")}</p>
      <h2>{t("oversight")}</h2>
      <ul>
        <li>
          <Link href="/staff/submissions">{t("submissions")}</Link>
        </li>
        {can(actor, "audit.view") ? (
          <li>
            <Link href="/staff/audit">{t("audit")}</Link>
          </li>
        ) : null}
        {can(actor, "user.manage") ? (
          <li>
            <Link href="/staff/users">{t("users")}</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
