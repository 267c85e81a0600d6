import { Link } from "@/app/i18n/navigation";

export default function ForbiddenPage() {
  return (
    <>
      <h1>Not allowed</h1>
      <p>Your account does not have permission for that page. Public data stays available to everyone.</p>
      <p>
        <Link href="/">Back to the overview</Link>
      </p>
    </>
  );
}
