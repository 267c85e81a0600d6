"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { NavList } from "./nav-list";
import { EDITION_NAME } from "@/lib/editions";

/**
 * The main navigation; its links keep the page's "as of" date, so browsing
 * stays on the date the reader chose. On a phone it folds behind a "Menu"
 * button once the page is interactive; without JavaScript it stays open.
 */
export function MainNav() {
  const t = useTranslations("nav");
  const params = useSearchParams();
  const asOf = params.get("as_of");
  const edition = params.get("edition");
  // False while rendered on the server (the menu stays open without JavaScript), true once hydrated.
  const interactive = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [folded, setFolded] = useState(true);
  // Only a well-formed date and edition name are carried along; the page they lead to checks them again.
  const date = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null;
  const name = edition && EDITION_NAME.test(edition) ? edition : null;
  return (
    <div className={`main-nav${interactive && folded ? " folded" : ""}`}>
      {interactive ? (
        <button type="button" className="menu-button" aria-expanded={!folded} aria-controls="main-nav-list" onClick={() => setFolded(!folded)}>
          {t("menu")}
        </button>
      ) : null}
      <div id="main-nav-list">
        <NavList asOf={date} edition={name} />
      </div>
    </div>
  );
}

function noSubscription(): () => void {
  return () => undefined;
}
