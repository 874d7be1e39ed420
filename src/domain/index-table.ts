import type { PlaceIndicators } from './place-indicators'
import type { PlausibilityFlag } from './plausibility'
import { INDICATORS, type Indicator, concentration, indexOf, ranks, shareBasis, shares } from './smart-index'

export interface IndicatorCell {
  /** Raw value; null when withheld (small cells) or when there is no data. */
  value: number | null
  /** Share of the national total (failure rate: of availability). */
  share: number
  /** Rank by share, ties sharing a rank. */
  rank: number
  suppressed: boolean
}

export interface IndexTableRow {
  code: string
  index: number
  rank: number
  indicators: Record<Indicator, IndicatorCell>
  /** Months left out of the return rate as implausible, with the reason (plausibility.ts). */
  flags: PlausibilityFlag[]
}

export interface IndexTable {
  /** By rank, then code. */
  rows: IndexTableRow[]
  /** The weights applied: those given, rescaled over the indicators that have data somewhere. */
  applied: Record<Indicator, number>
  /** Indicators with no data anywhere in the period (e.g. return rate in a first month): left out, not counted as 0 for all. */
  omitted: Indicator[]
  /** Percent of the national total held by the top 10 and top 50. */
  concentration: { top10: number; top50: number }
}

/**
 * The index table of 03-index.md over every place given (cities or
 * provinces): shares of the national total, `100 × Σ α t`, the index's rank
 * and each indicator's own rank. Withheld and missing values enter as 0, so
 * the published shares add up over the published values only. An indicator
 * no place has data for is left out and the other weights rescaled, so the
 * indices still add up to 100.
 */
export function indexTable(places: ReadonlyMap<string, PlaceIndicators>, weights: Record<Indicator, number>): IndexTable {
  const t = shares(new Map([...places].map(([code, p]) => [code, p.values])))
  const omitted = INDICATORS.filter((j) => ![...places.values()].some((p) => shareBasis(j, p.values[j]) > 0))
  const kept = INDICATORS.reduce((sum, j) => sum + (omitted.includes(j) ? 0 : weights[j]), 0)
  const applied = Object.fromEntries(INDICATORS.map((j) => [j, omitted.includes(j) || kept === 0 ? 0 : weights[j] / kept])) as Record<Indicator, number>
  const indices = new Map([...t].map(([code, share]) => [code, indexOf(share, applied)]))
  const indexRanks = ranks(indices)
  const indicatorRanks = Object.fromEntries(
    INDICATORS.map((j) => [j, ranks(new Map([...places].map(([code, p]) => [code, shareBasis(j, p.values[j])])))]),
  ) as Record<Indicator, Map<string, number>>
  const rows = [...places].map(([code, p]): IndexTableRow => ({
    code,
    index: indices.get(code)!,
    rank: indexRanks.get(code)!,
    indicators: Object.fromEntries(
      INDICATORS.map((j) => [
        j,
        { value: p.values[j] ?? null, share: t.get(code)![j], rank: indicatorRanks[j].get(code)!, suppressed: (p.suppressed as Indicator[]).includes(j) },
      ]),
    ) as Record<Indicator, IndicatorCell>,
    flags: p.flags ?? [],
  }))
  rows.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code))
  const all = rows.map((r) => r.index)
  return { rows, applied, omitted, concentration: { top10: concentration(all, 10), top50: concentration(all, 50) } }
}
