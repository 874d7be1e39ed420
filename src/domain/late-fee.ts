const DAY_MS = 86_400_000

/**
 * 滞纳金 (Administrative Penalty Law art. 72): 3% of the fine for each day
 * after the 15 days allowed for payment, never more than the fine itself.
 * Amounts are integer fen; days are whole days since the decision.
 */
export function lateFeeFen(fineFen: number, decidedAtMs: number, nowMs: number): number {
  const days = Math.floor((nowMs - decidedAtMs) / DAY_MS)
  if (days <= 15) return 0
  return Math.min(fineFen, Math.round(fineFen * 0.03 * (days - 15)))
}
