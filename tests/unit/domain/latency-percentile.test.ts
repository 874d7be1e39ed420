import { describe, expect, it } from 'vitest'
import { MAX_REPORTED_MS, latencyPercentile } from '../../../src/domain/latency-percentile'

describe('latencyPercentile', () => {
  it('answers the upper bound of the bucket the percentile falls in', () => {
    // 5 × ≤100, 5 × ≤300, 1 × ≤1000, 1 × ≤3000: the 6th of 12 is in ≤300, the 12th in ≤3000.
    expect(latencyPercentile([5, 5, 1, 1, 0, 0], 0.5)).toBe(300)
    expect(latencyPercentile([5, 5, 1, 1, 0, 0], 0.95)).toBe(3000)
    // Exactly half in the first bucket: the median is still in it (rank ⌈0.5 × 10⌉ = 5).
    expect(latencyPercentile([5, 5, 0, 0, 0, 0], 0.5)).toBe(100)
  })

  it('the open last bucket is bounded by the longest latency a report may carry', () => {
    expect(latencyPercentile([0, 0, 0, 0, 0, 3], 0.5)).toBe(MAX_REPORTED_MS)
    expect(latencyPercentile([99, 0, 0, 0, 0, 1], 0.95)).toBe(100)
    expect(latencyPercentile([94, 0, 0, 0, 0, 6], 0.95)).toBe(MAX_REPORTED_MS)
  })

  it('nothing timed: no percentile', () => {
    expect(latencyPercentile([0, 0, 0, 0, 0, 0], 0.5)).toBeUndefined()
    expect(latencyPercentile([], 0.5)).toBeUndefined()
  })
})
