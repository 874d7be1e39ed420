/**
 * Small-cell suppression for what analysts see (03-index.md): counts below
 * k, and rates whose denominator is below k, are withheld (shown as
 * suppressed, never as 0), including where subtraction from published
 * totals would give them away. null = suppressed throughout.
 */

/** The threshold k of 03-index.md. */
export const DEFAULT_K = 10

/**
 * Whether a count is a small cell: 0 < n < k. Zero is not small: that
 * nobody did something reveals no one, so 0 is published as 0.
 */
export function isSmallCount(n: number, k: number = DEFAULT_K): boolean {
  return n > 0 && n < k
}

/** The count as published: null when it is a small cell, else the count. */
export function publishCount(n: number, k: number = DEFAULT_K): number | null {
  return isSmallCount(n, k) ? null : n
}

/**
 * numerator / denominator as published: null when the denominator is below k
 * (or 0), and also when the numerator is a small cell, since with the
 * denominator published the numerator is rate × denominator.
 */
export function publishRate(numerator: number, denominator: number, k: number = DEFAULT_K): number | null {
  if (denominator <= 0 || denominator < k || isSmallCount(numerator, k)) return null
  return numerator / denominator
}

/**
 * The parts of a total (which add up to it; the total itself published as
 * publishCount(total, k)), as published. If the total is a small cell every
 * part is suppressed. Otherwise small parts are suppressed (primary) and, if
 * any were, the smallest other non-zero part too (complementary; a zero part
 * only if no other is non-zero, i.e. the parts do not add up to the total).
 * Why: with one part suppressed, total − the published parts gives it back;
 * with several, zeros being published tells that each is 1 to k − 1, so
 * their sum can give them away too (1 + 1 = total − published = 2). With a
 * part ≥ k among them, the withheld sum is ≥ k and no single part follows.
 * Not a full audit: if every part is small or zero (e.g. 9 + 9 = 18, k = 10)
 * there is nothing to complement with, and a cell that also sits in another
 * published partition needs that one checked too.
 */
export function publishPartition(total: number, parts: readonly number[], k: number = DEFAULT_K): Array<number | null> {
  if (isSmallCount(total, k)) return parts.map(() => null)
  const out: Array<number | null> = parts.map((n) => publishCount(n, k))
  if (!out.includes(null)) return out
  // The smallest published part, non-zero ones first (smallest: the least information withheld).
  let pick = -1
  for (const [i, n] of out.entries()) {
    if (n === null) continue
    const best = out[pick]
    if (pick < 0 || (n !== 0 && (best === 0 || n < best!))) pick = i
  }
  if (pick >= 0) out[pick] = null
  return out
}

/**
 * The sum of the published cells only. Every total shown over suppressed
 * cells is this sum, never the true total, so subtracting the published
 * cells from it gives back nothing that was withheld.
 */
export function publishedSum(cells: ReadonlyArray<number | null>): number {
  return cells.reduce<number>((sum, n) => sum + (n ?? 0), 0)
}
