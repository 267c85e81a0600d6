import { useTranslations } from "next-intl";
import type { Rating } from "@/lib/indicators/ratings";

const SYMBOL: Record<Rating, string> = { green: "▲", yellow: "■", red: "▼" };

/** A rating in words and by symbol as well as colour. */
export function RatingBadge({ rating }: { rating: Rating | null }) {
  const t = useTranslations("ratings");
  if (rating === null) return <span className="rating rating-none">{t("none")}</span>;
  return (
    <span className={`rating rating-${rating}`}>
      <span aria-hidden="true">{SYMBOL[rating]} </span>
      {t(rating)}
    </span>
  );
}
