import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { yuanText } from '../../../src/domain/money'
import {
  AMOUNT_DECIMALS_MESSAGE,
  AMOUNT_EMPTY_MESSAGE,
  AMOUNT_FORMAT_MESSAGE,
  AMOUNT_TOO_LARGE_MESSAGE,
  AMOUNT_ZERO_MESSAGE,
  parseYuanAmount,
} from '../../../src/domain/yuan-amount'

describe('parseYuanAmount', () => {
  it('reads whole yuan, one and two decimals into fen', () => {
    expect(parseYuanAmount('5000')).toEqual({ fen: 500_000 })
    expect(parseYuanAmount('5000.5')).toEqual({ fen: 500_050 })
    expect(parseYuanAmount('5000.05')).toEqual({ fen: 500_005 })
    expect(parseYuanAmount('0.01')).toEqual({ fen: 1 })
    expect(parseYuanAmount('.5')).toEqual({ fen: 50 })
    expect(parseYuanAmount('12.')).toEqual({ fen: 1200 })
  })

  it('accepts what phone keyboards and people add: spaces, thousands separators, full-width digits, 。 and 元', () => {
    expect(parseYuanAmount(' 12,345.60 ')).toEqual({ fen: 1_234_560 })
    expect(parseYuanAmount('５０００．５０')).toEqual({ fen: 500_050 })
    expect(parseYuanAmount('100。5')).toEqual({ fen: 10_050 })
    expect(parseYuanAmount('300元')).toEqual({ fen: 30_000 })
    expect(parseYuanAmount('007')).toEqual({ fen: 700 })
  })

  it('says what is wrong, each case in its own words', () => {
    expect(parseYuanAmount('')).toEqual({ problem: AMOUNT_EMPTY_MESSAGE })
    expect(parseYuanAmount('   ')).toEqual({ problem: AMOUNT_EMPTY_MESSAGE })
    expect(parseYuanAmount('abc')).toEqual({ problem: AMOUNT_FORMAT_MESSAGE })
    expect(parseYuanAmount('-5')).toEqual({ problem: AMOUNT_FORMAT_MESSAGE })
    expect(parseYuanAmount('1e3')).toEqual({ problem: AMOUNT_FORMAT_MESSAGE })
    expect(parseYuanAmount('1.2.3')).toEqual({ problem: AMOUNT_FORMAT_MESSAGE })
    expect(parseYuanAmount('.')).toEqual({ problem: AMOUNT_FORMAT_MESSAGE })
    expect(parseYuanAmount('10.001')).toEqual({ problem: AMOUNT_DECIMALS_MESSAGE })
    expect(parseYuanAmount('0')).toEqual({ problem: AMOUNT_ZERO_MESSAGE })
    expect(parseYuanAmount('0.00')).toEqual({ problem: AMOUNT_ZERO_MESSAGE })
    expect(parseYuanAmount('99999999999')).toEqual({ problem: AMOUNT_TOO_LARGE_MESSAGE })
  })

  it('the messages are Chinese', () => {
    for (const m of [AMOUNT_EMPTY_MESSAGE, AMOUNT_FORMAT_MESSAGE, AMOUNT_DECIMALS_MESSAGE, AMOUNT_ZERO_MESSAGE, AMOUNT_TOO_LARGE_MESSAGE]) {
      expect(m).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('reads back every amount yuanText writes, to the fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000_000 }), (fen) => {
        expect(parseYuanAmount(yuanText(fen))).toEqual({ fen })
      }),
    )
  })
})
