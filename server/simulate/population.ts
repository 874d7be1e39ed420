import { readFileSync } from 'node:fs'
import type { City } from '../../src/domain/city'
import { seeded } from '../../mock/shared/seeded'

/**
 * Where the simulated citizens live: each city's share of them follows the
 * 2016 report's published index (the top 100 as published; the other cities
 * share what is left of 100 equally), so large cities are large and small
 * cities small, as in the real data.
 */
export function cityWeights(cities: readonly City[], top100Csv: string): Map<string, number> {
  const published = new Map<string, number>()
  for (const line of top100Csv.trim().split('\n').slice(1)) {
    const [, name, value] = line.split(',')
    if (name && value) published.set(name.trim(), Number(value))
  }
  const listed = cities.filter((c) => published.has(c.name))
  const rest = cities.filter((c) => !published.has(c.name))
  const left = Math.max(0, 100 - listed.reduce((s, c) => s + published.get(c.name)!, 0))
  const weights = new Map<string, number>()
  for (const c of listed) weights.set(c.code, published.get(c.name)!)
  for (const c of rest) weights.set(c.code, left / rest.length)
  return weights
}

export function readTop100Csv(): string {
  return readFileSync(new URL('../reference/internet-plus-2016-city-top100.csv', import.meta.url), 'utf8')
}

/** `n` citizens' home cities, drawn by weight with a seeded generator (the same run every time). */
export function homeCities(n: number, weights: Map<string, number>, seed = 'onecity-simulation'): string[] {
  const codes = [...weights.keys()].sort()
  const cumulative: number[] = []
  let total = 0
  for (const code of codes) cumulative.push((total += weights.get(code)!))
  const rng = seeded(seed, 'home-cities')
  return Array.from({ length: n }, () => {
    const x = rng.next() * total
    let lo = 0
    let hi = codes.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return codes[lo]!
  })
}
