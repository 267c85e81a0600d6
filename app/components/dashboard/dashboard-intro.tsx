import { Link } from "@/app/i18n/navigation";
import { withAsOf, type AsOf } from "@/lib/as-of";

/** The page's title and what the inventory is about: shown also while the figures are computed. */
export function DashboardIntro() {
  return (
    <>
      <h1>Inventory of national measures on network and information security</h1>
      <p className="lead">
        How the Member States transposed the Community law on network and information security that the Commission&apos;s Communication COM(2001)298 (§3.6)
        named — data protection, privacy in telecommunications, electronic signatures, the security requirements of the telecommunications framework — and its
        successors in force today: the ePrivacy Directive, the GDPR, eIDAS, the European Electronic Communications Code, and the NIS and NIS2 Directives (
        <Link href="/lineage">lines of law</Link>).
      </p>
    </>
  );
}

/** The instruments the inventory covers, named when they are few, with the ways on to the gap matrix and the charts. */
export function InventoryScope({
  instrumentCount,
  named,
  asOf,
}: {
  instrumentCount: number;
  named: readonly { celex: string; shortName: string }[];
  asOf: AsOf;
}) {
  return (
    <p>
      The inventory covers {instrumentCount} instruments
      {instrumentCount > named.length ? (
        <>
          {" "}
          (<Link href="/instruments">list them all</Link>)
        </>
      ) : (
        <>
          :{" "}
          {named.map((i, n) => (
            <span key={i.celex}>
              {n > 0 ? ", " : ""}
              <Link href={`/instruments/${i.celex}`}>{i.shortName}</Link>
            </span>
          ))}
        </>
      )}
      . See also the <Link href={withAsOf("/gaps", asOf)}>gap matrix</Link> and the <Link href={withAsOf("/charts", asOf)}>charts</Link>.
    </p>
  );
}
