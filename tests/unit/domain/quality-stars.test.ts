import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CheckId, type CheckOutcome, QUALITY_CHECKS, starsFor } from '../../../src/domain/quality-stars'

const ids = QUALITY_CHECKS.map((c) => c.id)
/** All checks pass except the named ones, which get `outcome`. */
function allPassBut(failing: CheckId[], outcome: CheckOutcome = 'fail') {
  return Object.fromEntries(ids.map((id) => [id, failing.includes(id) ? outcome : 'pass'])) as Record<CheckId, CheckOutcome>
}
// Checks that are neither `available` nor `contract`, so failing them does not cap.
const ordinary = ids.filter((id) => id !== 'available' && id !== 'contract')

describe('QUALITY_CHECKS', () => {
  it('has the 21 checks of 02-services.md, each once', () => {
    expect(ids).toHaveLength(21)
    expect(new Set(ids).size).toBe(21)
    expect(ids.slice(0, 3)).toEqual(['available', 'uptime', 'speed'])
    expect(ids.at(-1)).toBe('elder')
  })
})

describe('starsFor', () => {
  it.each([
    [0, 5], // 21/21
    [2, 5], // 19/21 = 90.5%
    [3, 4], // 18/21 = 85.7%
    [5, 4], // 16/21 = 76.2%
    [6, 3], // 15/21 = 71.4%
    [8, 3], // 13/21 = 61.9%
    [9, 2], // 12/21 = 57.1%
    [12, 2], // 9/21 = 42.9%
    [13, 1], // 8/21 = 38.1%
    [19, 1],
  ])('%i ordinary failures → %i stars', (failures, stars) => {
    expect(starsFor(allPassBut(ordinary.slice(0, failures)))).toBe(stars)
  })

  it('counts checks that do not apply as passed', () => {
    expect(starsFor(allPassBut(ordinary.slice(0, 10), 'not-applicable'))).toBe(5)
  })

  it.each(['available', 'contract'] as const)('failing %s caps at 2 stars even when everything else passes', (id) => {
    expect(starsFor(allPassBut([id]))).toBe(2)
  })

  it('a capped service that would get 1 star keeps 1', () => {
    expect(starsFor(allPassBut(['available', ...ordinary.slice(0, 13)]))).toBe(1)
  })

  it('treats a missing outcome as failed, so a partial review never flatters', () => {
    const outcomes: Partial<Record<CheckId, CheckOutcome>> = allPassBut([])
    delete outcomes.contract
    expect(starsFor(outcomes)).toBe(2)
    expect(starsFor({})).toBe(1)
  })

  it('never rises when a passing check fails (property)', () => {
    const outcome = fc.constantFrom<CheckOutcome>('pass', 'fail', 'not-applicable')
    fc.assert(
      fc.property(fc.tuple(...ids.map(() => outcome)), fc.integer({ min: 0, max: 20 }), (list, i) => {
        const before = Object.fromEntries(ids.map((id, k) => [id, list[k]])) as Record<CheckId, CheckOutcome>
        const after = { ...before, [ids[i]!]: 'fail' as const }
        const s = starsFor(before)
        expect(starsFor(after)).toBeLessThanOrEqual(s)
        expect(s).toBeGreaterThanOrEqual(1)
        expect(s).toBeLessThanOrEqual(5)
      }),
      { numRuns: 300 },
    )
  })
})
