import { RATING_LABELS, type Rating } from "@/lib/indicators/ratings";

const SYMBOL: Record<Rating, string> = { green: "▲", yellow: "■", red: "▼" };

/** A rating in words and by symbol as well as colour. */
export function RatingBadge({ rating }: { rating: Rating | null }) {
  if (rating === null) return <span className="rating rating-none">Not rated</span>;
  return (
    <span className={`rating rating-${rating}`}>
      <span aria-hidden="true">{SYMBOL[rating]} </span>
      {RATING_LABELS[rating]}
    </span>
  );
}
