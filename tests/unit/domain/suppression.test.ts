import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_K, isSmallCount, publishCount, publishPartition, publishRate, publishedSum } from '../../../src/domain/suppression'

describe('small counts', () => {
  it('k is 10 by default', () => {
    expect(DEFAULT_K).toBe(10)
  })

  it('1 to k − 1 is small; 0 and k upwards are not', () => {
    expect([0, 1, 9, 10, 11].map((n) => isSmallCount(n))).toEqual([false, true, true, false, false])
    expect([0, 1, 4, 5].map((n) => isSmallCount(n, 5))).toEqual([false, true, true, false])
  })

  it('publishCount withholds small counts and publishes 0 as 0', () => {
    expect([0, 3, 9, 10, 250].map((n) => publishCount(n))).toEqual([0, null, null, 10, 250])
    expect(publishCount(3, 3)).toBe(3)
  })
})

describe('publishRate', () => {
  it('published when the denominator is at least k and the numerator is 0 or at least k', () => {
    expect(publishRate(10, 40)).toBe(0.25)
    expect(publishRate(0, 10)).toBe(0)
    expect(publishRate(25, 20)).toBe(1.25)
  })

  it('suppressed when the denominator is below k', () => {
    expect(publishRate(0, 9)).toBeNull()
    expect(publishRate(3, 4, 3)).toBe(0.75)
    expect(publishRate(3, 2, 3)).toBeNull()
  })

  it('suppressed when the numerator is small, as rate × denominator would give it back', () => {
    expect(publishRate(9, 1000)).toBeNull()
    expect(publishRate(1, 10)).toBeNull()
  })

  it('suppressed when the denominator is 0, whatever k', () => {
    expect(publishRate(0, 0)).toBeNull()
    expect(publishRate(0, 0, 0)).toBeNull()
  })
})

describe('publishPartition', () => {
  it('no small parts: all published', () => {
    expect(publishPartition(60, [10, 0, 50])).toEqual([10, 0, 50])
  })

  it('a small total suppresses every part', () => {
    expect(publishPartition(9, [0, 4, 5])).toEqual([null, null, null])
  })

  it('one small part: the smallest other non-zero part is suppressed with it', () => {
    expect(publishPartition(75, [3, 40, 0, 12, 20])).toEqual([null, 40, 0, null, 20])
  })

  it('equal candidates: the first is taken', () => {
    expect(publishPartition(45, [5, 20, 20])).toEqual([null, null, 20])
  })

  it('several small parts get a complement too: zeros are published, so 1 + 1 = 52 − 50 would give both away', () => {
    expect(publishPartition(52, [1, 1, 50])).toEqual([null, null, null])
    expect(publishPartition(128, [3, 5, 100, 20])).toEqual([null, null, 100, null])
  })

  it('every part small or zero: nothing to complement with beyond a zero', () => {
    expect(publishPartition(18, [9, 9])).toEqual([null, null])
  })

  it('only zeros left to complement (parts not adding up to the total): a zero is suppressed', () => {
    expect(publishPartition(50, [3, 0, 0])).toEqual([null, null, 0])
  })

  it('a zero total and no parts', () => {
    expect(publishPartition(0, [0, 0])).toEqual([0, 0])
    expect(publishPartition(20, [])).toEqual([])
  })

  it('any partition: no small part published, never exactly one suppressed under a published total, published parts unchanged', () => {
    const partition = fc.tuple(fc.array(fc.nat({ max: 40 }), { maxLength: 8 }), fc.integer({ min: 1, max: 20 }))
    fc.assert(
      fc.property(partition, ([parts, k]) => {
        const total = parts.reduce((s, n) => s + n, 0)
        const out = publishPartition(total, parts, k)
        expect(out).toHaveLength(parts.length)
        out.forEach((n, i) => {
          if (isSmallCount(parts[i]!, k)) expect(n).toBeNull()
          if (n !== null) expect(n).toBe(parts[i])
        })
        const suppressed = out.filter((n) => n === null).length
        if (publishCount(total, k) !== null) expect(suppressed).not.toBe(1)
        // Whenever there is a part ≥ k to complement with, one is withheld, so the withheld sum is ≥ k.
        if (publishCount(total, k) !== null && suppressed > 0 && parts.some((n) => n >= k)) {
          expect(out.some((n, i) => n === null && parts[i]! >= k)).toBe(true)
          expect(total - publishedSum(out)).toBeGreaterThanOrEqual(k)
        }
      }),
    )
  })
})

describe('publishedSum', () => {
  it('adds the published cells only', () => {
    expect(publishedSum([10, null, 0, 25, null])).toBe(35)
    expect(publishedSum([])).toBe(0)
    expect(publishedSum([null])).toBe(0)
  })

  it('a total of published cells minus the published cells reveals nothing', () => {
    const cells = publishPartition(75, [3, 40, 0, 12, 20])
    expect(publishedSum(cells) - 40 - 0 - 20).toBe(0)
  })
})
