/** A city ranked better here than in the other ranking. */
export interface Leapfrog {
  code: string
  ourRank: number
  /** Its rank there; theirSize + 1 when it is absent from a top-N list. */
  theirRank: number
  /** theirRank − ourRank: how many places better it is ranked here. */
  lead: number
  /** True when the city is absent from the other ranking and counted just below it. */
  unrankedThere: boolean
}

/**
 * Leapfrog cities (黑马, 03-index.md): cities whose rank here (`ours`, code →
 * rank, 1 = best) is better than their rank in another ranking (`theirs`) by
 * at least `minLead` places. The other ranking is often a published top N:
 * given `theirSize` (N), a city absent from it is counted at rank N + 1, the
 * best it could have had there, so its lead is never overstated; without it,
 * absent cities are left out. Sorted by lead, largest first, then by our
 * rank, then code.
 */
export function findLeapfrogs(
  ours: ReadonlyMap<string, number>,
  theirs: ReadonlyMap<string, number>,
  minLead: number,
  theirSize?: number,
): Leapfrog[] {
  const out: Leapfrog[] = []
  for (const [code, ourRank] of ours) {
    const there = theirs.get(code)
    if (there === undefined && theirSize === undefined) continue
    const theirRank = there ?? theirSize! + 1
    const lead = theirRank - ourRank
    if (lead >= minLead) out.push({ code, ourRank, theirRank, lead, unrankedThere: there === undefined })
  }
  return out.sort((a, b) => b.lead - a.lead || a.ourRank - b.ourRank || a.code.localeCompare(b.code))
}
