"use client";

import { useSearchParams } from "next/navigation";
import { NavList } from "./nav-list";

/** The main navigation; its links keep the page's "as of" date, so browsing stays on the date the reader chose. */
export function MainNav() {
  const asOf = useSearchParams().get("as_of");
  // Only a well-formed date is carried along; the page it leads to checks it again.
  return <NavList suffix={asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `?as_of=${asOf}` : ""} />;
}
