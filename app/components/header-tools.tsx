"use client";
/**
 * The header's search box and as-of control. Both are GET forms, so they work
 * without JavaScript; the as-of form reopens the current page with the other
 * parameters kept (and the page reset), read from the current URL.
 */
import { usePathname, useSearchParams } from "next/navigation";

export function HeaderTools() {
  const pathname = usePathname() || "/";
  const params = useSearchParams();
  const asOf = params.get("as_of") ?? "";
  const kept = [...params.entries()].filter(([k]) => k !== "as_of" && k !== "page");
  return (
    <div className="header-tools">
      <form method="get" action="/search" role="search" aria-label="Search the inventory">
        <label htmlFor="site-search" className="visually-hidden">
          Search measures, provisions and obligations
        </label>
        <input
          id="site-search"
          type="search"
          name="q"
          placeholder="Search the inventory"
          maxLength={200}
          defaultValue={pathname === "/search" ? (params.get("q") ?? "") : ""}
        />
        {asOf ? <input type="hidden" name="as_of" value={asOf} /> : null}
        <button type="submit">Search</button>
      </form>
      <form method="get" action={pathname} aria-label="View the inventory as of a date" key={`${pathname}?${params.toString()}`}>
        {kept.map(([k, v], i) => (
          <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
        ))}
        <label htmlFor="site-as-of">As of</label> <input id="site-as-of" type="date" name="as_of" defaultValue={asOf} min="1950-01-01" max="2100-12-31" />
        <button type="submit">Show</button>
      </form>
    </div>
  );
}
