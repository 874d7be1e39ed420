/**
 * The smart-city sub-index of 03-index.md, as pure arithmetic: each
 * indicator made a share of the national total, weighted by expert scores
 * (or equally), summed and scaled so all cities' indices add up to 100;
 * ranks with ties; the concentration of the top cities.
 */

export const INDICATORS = ['value', 'stars', 'mau', 'returnRate', 'failureRate', 'richness'] as const
export type Indicator = (typeof INDICATORS)[number]

/** One city's (or province's) raw indicators; missing = no data, counted as 0. */
export type IndicatorValues = Partial<Record<Indicator, number>>

/**
 * What enters the shares: failure rate is a cost, so its availability
 * (1 − failure rate) is used instead; with no probe data there is no
 * availability to credit (0), not a perfect one.
 */
export function shareBasis(indicator: Indicator, value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 0
  return indicator === 'failureRate' ? Math.max(0, 1 - value) : Math.max(0, value)
}

/** t[c][j] = x[c][j] / Σc x[c][j], per indicator; all 0 when the indicator's total is 0. */
export function shares(rows: ReadonlyMap<string, IndicatorValues>): Map<string, Record<Indicator, number>> {
  const totals = Object.fromEntries(INDICATORS.map((j) => [j, 0])) as Record<Indicator, number>
  for (const values of rows.values()) for (const j of INDICATORS) totals[j] += shareBasis(j, values[j])
  const out = new Map<string, Record<Indicator, number>>()
  for (const [code, values] of rows) {
    out.set(code, Object.fromEntries(INDICATORS.map((j) => [j, totals[j] > 0 ? shareBasis(j, values[j]) / totals[j] : 0])) as Record<Indicator, number>)
  }
  return out
}

/**
 * Weights from an expert score table (each expert scores each indicator 1–5):
 * α[j] = Σi a[i][j] / Σi Σj a[i][j]. Without experts, equal weights.
 */
export function expertWeights(scores: readonly Record<Indicator, number>[]): Record<Indicator, number> {
  const sum = (j: Indicator) => scores.reduce((s, expert) => s + expert[j], 0)
  const total = INDICATORS.reduce((s, j) => s + sum(j), 0)
  return Object.fromEntries(INDICATORS.map((j) => [j, total > 0 ? sum(j) / total : 1 / INDICATORS.length])) as Record<Indicator, number>
}

/** I[c] = 100 × Σj α[j] t[c][j]: a city's percentage of the national total; all cities add up to 100. */
export function indexOf(share: Record<Indicator, number>, weights: Record<Indicator, number>): number {
  return 100 * INDICATORS.reduce((s, j) => s + weights[j] * share[j], 0)
}

/** Competition ranks, highest first, ties sharing a rank (1, 2, 2, 4). Equal to 1e-12 counts as a tie. */
export function ranks(values: ReadonlyMap<string, number>): Map<string, number> {
  const sorted = [...values].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const out = new Map<string, number>()
  sorted.forEach(([code, v], i) => {
    const previous = sorted[i - 1]
    out.set(code, previous && Math.abs(previous[1] - v) <= 1e-12 ? out.get(previous[0])! : i + 1)
  })
  return out
}

/** The share of the total held by the top `n` (values already in percent of the national total: the sum of the top n). */
export function concentration(indices: readonly number[], n: number): number {
  return [...indices].sort((a, b) => b - a).slice(0, n).reduce((s, v) => s + v, 0)
}
