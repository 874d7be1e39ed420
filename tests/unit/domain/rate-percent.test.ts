import { describe, expect, it } from 'vitest'
import { basisPointsText } from '../../../src/domain/rate-percent'

describe('basisPointsText', () => {
  it('without trailing zeros', () => {
    expect(basisPointsText(1200)).toBe('12%')
    expect(basisPointsText(750)).toBe('7.5%')
    expect(basisPointsText(285)).toBe('2.85%')
    expect(basisPointsText(305)).toBe('3.05%')
    expect(basisPointsText(5)).toBe('0.05%')
    expect(basisPointsText(0)).toBe('0%')
  })
})
