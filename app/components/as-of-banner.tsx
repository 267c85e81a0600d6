import { Link } from "@/app/i18n/navigation";
import { AS_OF_SUMMARY, type AsOf } from "@/lib/as-of";

/** States the date the page is computed for, how, and how to get back to today. */
export function AsOfBanner({ asOf, path, extra }: { asOf: AsOf; path: string; extra?: string }) {
  return (
    <p className="as-of-banner">
      <strong>
        As of <time dateTime={asOf.date}>{asOf.date}</time>
        {asOf.isToday ? " (today)" : ""}.
      </strong>{" "}
      <span className="muted">
        {AS_OF_SUMMARY}
        {extra ? ` ${extra}` : ""}
      </span>
      {!asOf.isToday ? (
        <>
          {" "}
          <Link href={path}>View as of today</Link>
        </>
      ) : null}
    </p>
  );
}

export function ParamErrors({ errors }: { errors: string[] }) {
  if (!errors.length) return null;
  return (
    <div className="param-errors" role="alert">
      <p>
        <strong>Some of the address could not be used:</strong>
      </p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
