import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findLeapfrogs } from '../../../src/domain/leapfrog'

const map = (entries: Record<string, number>) => new Map(Object.entries(entries))

describe('findLeapfrogs', () => {
  it('cities ranked better here by at least minLead places, largest lead first', () => {
    const ours = map({ A: 1, B: 2, C: 3, D: 4, E: 5 })
    const theirs = map({ A: 2, B: 12, C: 3, D: 1, E: 20 })
    expect(findLeapfrogs(ours, theirs, 5)).toEqual([
      { code: 'E', ourRank: 5, theirRank: 20, lead: 15, unrankedThere: false },
      { code: 'B', ourRank: 2, theirRank: 12, lead: 10, unrankedThere: false },
    ])
  })

  it('a lead of exactly minLead counts; one less does not', () => {
    expect(findLeapfrogs(map({ A: 3 }), map({ A: 8 }), 5).map((l) => l.code)).toEqual(['A'])
    expect(findLeapfrogs(map({ A: 3 }), map({ A: 7 }), 5)).toEqual([])
  })

  it('cities ranked worse here or equally are never leapfrogs for a positive minLead', () => {
    expect(findLeapfrogs(map({ A: 9, B: 4 }), map({ A: 1, B: 4 }), 1)).toEqual([])
  })

  it('equal leads: better rank here first, then code', () => {
    const result = findLeapfrogs(map({ X: 7, Y: 2, Z: 2 }), map({ X: 10, Y: 5, Z: 5 }), 3)
    expect(result.map((l) => l.code)).toEqual(['Y', 'Z', 'X'])
  })

  it('absent from a top-N list: counted at N + 1 and marked', () => {
    expect(findLeapfrogs(map({ A: 1, B: 95 }), map({ C: 1 }), 5, 100)).toEqual([
      { code: 'A', ourRank: 1, theirRank: 101, lead: 100, unrankedThere: true },
      { code: 'B', ourRank: 95, theirRank: 101, lead: 6, unrankedThere: true },
    ])
    expect(findLeapfrogs(map({ B: 97 }), map({}), 5, 100)).toEqual([])
  })

  it('absent with no list size: skipped', () => {
    expect(findLeapfrogs(map({ A: 1 }), map({}), 1)).toEqual([])
  })

  it('cities only in the other ranking are not ours to list', () => {
    expect(findLeapfrogs(map({}), map({ A: 50 }), 1, 100)).toEqual([])
  })

  it('any rankings: every result has lead = theirRank − ourRank ≥ minLead and the order holds', () => {
    const ranking = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.integer({ min: 1, max: 30 }))
    fc.assert(
      fc.property(ranking, ranking, fc.integer({ min: 1, max: 10 }), fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }), (ours, theirs, minLead, size) => {
        const result = findLeapfrogs(map(ours), map(theirs), minLead, size)
        for (const l of result) {
          expect(l.lead).toBe(l.theirRank - l.ourRank)
          expect(l.lead).toBeGreaterThanOrEqual(minLead)
          expect(l.unrankedThere).toBe(!(l.code in theirs))
        }
        for (let i = 1; i < result.length; i++) expect(result[i - 1]!.lead).toBeGreaterThanOrEqual(result[i]!.lead)
      }),
    )
  })
})
