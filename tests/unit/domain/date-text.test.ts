import { describe, expect, it } from 'vitest'
import { dateText } from '../../../src/domain/date-text'

describe('dateText', () => {
  it('without leading zeros', () => {
    expect(dateText('2025-06-05')).toBe('2025年6月5日')
    expect(dateText('2025-12-31')).toBe('2025年12月31日')
  })
  it('anything else as it is', () => {
    expect(dateText('2025-06')).toBe('2025-06')
    expect(dateText('')).toBe('')
  })
})
