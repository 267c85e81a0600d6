"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "@/app/i18n/navigation";
import { useId, useState } from "react";

/**
 * A year slider for watching the figures change through the years: moving it
 * loads the same page as of the same day of the chosen year (clamped to
 * today). The stepper links and the date form beside it work without
 * JavaScript; this is the quicker way.
 */
export function AsOfSlider({
  path,
  query,
  date,
  minYear,
  today,
}: {
  path: string;
  query: Record<string, string>;
  date: string;
  minYear: number;
  today: string;
}) {
  const t = useTranslations("asOf");
  const router = useRouter();
  const id = useId();
  const maxYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(Number(date.slice(0, 4)));
  const go = (y: number) => {
    let next = `${y}-${date.slice(5)}`;
    if (next.slice(5) === "02-29" && !isLeap(y)) next = `${y}-02-28`;
    if (next > today) next = today;
    const params = new URLSearchParams({ ...query, as_of: next });
    router.push(`${path}?${params.toString()}`, { scroll: false });
  };
  return (
    <div className="as-of-slider">
      <label htmlFor={id}>{t("year")}</label>
      <input
        id={id}
        type="range"
        min={minYear}
        max={maxYear}
        step={1}
        value={year}
        aria-valuetext={String(year)}
        onChange={(e) => {
          const y = Number(e.target.value);
          setYear(y);
          go(y);
        }}
      />
      <output htmlFor={id}>{year}</output>
    </div>
  );
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
