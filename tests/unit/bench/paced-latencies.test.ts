import { describe, expect, it } from 'vitest'
import { PacedLatencies } from '../../../bench/paced-latencies'

describe('paced latencies (the usage benchmark p99 at half load)', () => {
  it('an answer slower than the request interval also stands for the requests it held back', () => {
    const l = new PacedLatencies(100)
    l.record(40)
    expect(l.count).toBe(1)
    l.record(350) // held back the requests due at 100, 200 and 300 ms: they would have waited 250, 150, 50... of which ≥ 100 count
    expect(l.count).toBe(1 + 1 + 2)
    expect(l.percentile(1)).toBe(350)
    expect(l.percentile(0.5)).toBe(150)
  })

  it('one answer in a thousand at 0.8 s leaves the p99; counted 1 ms apart as autocannon did, it made it', () => {
    const answers = [...Array.from({ length: 20_000 }, (_, i) => 30 + (i % 40)), ...Array<number>(20).fill(800)]
    const paced = new PacedLatencies(90)
    const autocannonLike = new PacedLatencies(1)
    for (const ms of answers) {
      paced.record(ms)
      autocannonLike.record(ms)
    }
    expect(paced.percentile(0.99)).toBeLessThan(100)
    expect(autocannonLike.percentile(0.99)).toBeGreaterThan(200)
  })

  it('percentiles of nothing are 0; an interval must be positive', () => {
    expect(new PacedLatencies(10).percentile(0.99)).toBe(0)
    expect(() => new PacedLatencies(0)).toThrow()
  })
})
