import type { TranspositionStatus } from "@/lib/vocabulary";

/** A symbol as well as a colour for each transposition status, so status is never told by colour alone (badges, the instrument grid, the gap matrix). */
export const STATUS_SYMBOL: Record<TranspositionStatus, string> = {
  full: "●",
  partial: "◐",
  not_transposed: "○",
  non_conforming: "✕",
  not_applicable: "–",
  unknown: "?",
};
