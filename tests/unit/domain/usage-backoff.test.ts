import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from '../../../src/domain/usage-backoff'

describe('retryDelayMs: exponential backoff with jitter', () => {
  it('doubles from 2 s (the upper end of each jittered range)', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 0.999999))).toEqual([2000, 4000, 8000, 16000])
  })

  it('waits at least half the nominal delay', () => {
    expect(retryDelayMs(1, 0)).toBe(1000)
    expect(retryDelayMs(3, 0)).toBe(4000)
  })

  it('is capped at 10 minutes however many failures', () => {
    expect(retryDelayMs(50, 0.999999)).toBe(RETRY_CAP_MS)
    expect(retryDelayMs(1000, 0.5)).toBeLessThanOrEqual(RETRY_CAP_MS)
  })

  it("takes the server's Retry-After as a floor", () => {
    expect(retryDelayMs(1, 0, 30_000)).toBe(30_000)
    expect(retryDelayMs(10, 0.999999, 1000)).toBe(RETRY_CAP_MS)
  })

  it('property: within [nominal/2, nominal], never decreasing in the failures at the same jitter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const nominal = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (n - 1))
        const d = retryDelayMs(n, r)
        expect(d).toBeGreaterThanOrEqual(nominal / 2)
        expect(d).toBeLessThanOrEqual(nominal)
        expect(retryDelayMs(n + 1, r)).toBeGreaterThanOrEqual(d)
      }),
    )
  })
})
