import { Link } from "@/app/i18n/navigation";

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        The inventory has no such page. Instruments are addressed by CELEX number (e.g. <Link href="/instruments/31995L0046">31995L0046</Link>) and Member
        States by EU country code (e.g. <Link href="/member-states/EL">EL</Link>).
      </p>
    </>
  );
}
