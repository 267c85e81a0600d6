import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/require";
import { EurlexImportForm } from "./eurlex-form";

export const metadata: Metadata = { title: "Import from EUR-Lex" };

export default async function EurlexImportPage() {
  // The page checks the role itself; the route handler checks it again for every request.
  await requirePermission("eurlex.import", undefined, "/staff/eurlex");
  return (
    <>
      <h1>Import from EUR-Lex</h1>
      <p className="lead">
        Give a directive&apos;s CELEX number. The inventory reads the act and every national measure the Member States notified for it from the Publications
        Office&apos;s CELLAR, and shows what would change: new measures, measures it already has with their changes field by field, and conflicts with verified
        values, which stay as they are unless you choose otherwise. Nothing is written until you apply; applying is all or nothing, each change with an audit
        event.
      </p>
      <EurlexImportForm />
    </>
  );
}
