import { describe, expect, it } from 'vitest'
import { depositKindLabel, depositTotals, signedFenText, signedYuanText } from '../../../src/domain/fund-deposits'

describe('fund deposits', () => {
  it('kinds in Chinese', () => {
    expect(depositKindLabel('deposit')).toBe('汇缴')
    expect(depositKindLabel('interest')).toBe('结息')
    expect(depositKindLabel('withdrawal')).toBe('提取')
    expect(depositKindLabel('transfer')).toBe('其他')
  })

  it('amounts carry their direction in a sign, not in colour', () => {
    expect(signedYuanText({ kind: 'deposit', amountFen: 120_000 })).toBe('+1200.00')
    expect(signedYuanText({ kind: 'interest', amountFen: 3_456 })).toBe('+34.56')
    expect(signedYuanText({ kind: 'withdrawal', amountFen: 500_000 })).toBe('-5000.00')
    expect(signedFenText(0, true)).toBe('0.00')
  })

  it('totals by kind', () => {
    const records = [
      { kind: 'deposit', amountFen: 120_000 },
      { kind: 'deposit', amountFen: 120_000 },
      { kind: 'interest', amountFen: 3_456 },
      { kind: 'withdrawal', amountFen: 50_000 },
    ]
    expect(depositTotals(records)).toEqual({ depositFen: 240_000, interestFen: 3_456, withdrawalFen: 50_000 })
    expect(depositTotals([])).toEqual({ depositFen: 0, interestFen: 0, withdrawalFen: 0 })
  })
})
