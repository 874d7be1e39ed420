import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatPrice, formatYuan, yuanText } from '../../../src/domain/money'

describe('money', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(yuanText(0)).toBe('0.00')
    expect(yuanText(5)).toBe('0.05')
    expect(yuanText(20000)).toBe('200.00')
    expect(yuanText(20050)).toBe('200.50')
    expect(yuanText(123456789)).toBe('1234567.89')
  })

  it('keeps the sign of a refund', () => {
    expect(yuanText(-150)).toBe('-1.50')
    expect(formatPrice(-150)).toBe('-¥1.50')
  })

  it('formats for sentences and for the cashier', () => {
    expect(formatYuan(20000)).toBe('200.00 元')
    expect(formatPrice(20000)).toBe('¥200.00')
  })

  it('never loses a fen to floating point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
        const [yuan, cents] = yuanText(fen).split('.')
        expect(Number(yuan) * 100 + Number(cents)).toBe(fen)
      }),
    )
  })
})
