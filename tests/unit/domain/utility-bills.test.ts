import { describe, expect, it } from 'vitest'
import { arrearsOf, monthsText } from '../../../src/domain/utility-arrears'
import { billsByYear } from '../../../src/domain/utility-bill-years'
import { accountFormProblems, normalizeAccountForm, parseTopUpYuan } from '../../../src/domain/utility-forms'

const BILLS = [
  { id: 'a', month: '2025-05', amountFen: 5_000, lateFeeFen: 0, status: 'unpaid' as const },
  { id: 'b', month: '2025-04', amountFen: 4_000, lateFeeFen: 116, status: 'unpaid' as const },
  { id: 'c', month: '2025-03', amountFen: 3_000, lateFeeFen: 0, status: 'paid' as const },
  { id: 'd', month: '2024-12', amountFen: 6_000, lateFeeFen: 0, status: 'paid' as const },
]

describe('arrearsOf', () => {
  it('adds up the unpaid bills: amounts, late fees, total and months oldest first', () => {
    expect(arrearsOf(BILLS)).toEqual({ count: 2, amountFen: 9_000, lateFeeFen: 116, totalFen: 9_116, months: ['2025-04', '2025-05'] })
  })
  it('counts only the selected unpaid ones; a selected paid bill adds nothing', () => {
    expect(arrearsOf(BILLS, new Set(['b', 'c']))).toEqual({ count: 1, amountFen: 4_000, lateFeeFen: 116, totalFen: 4_116, months: ['2025-04'] })
    expect(arrearsOf(BILLS, new Set())).toMatchObject({ count: 0, totalFen: 0, months: [] })
  })
})

describe('monthsText', () => {
  it('names the year once per run of months in one year', () => {
    expect(monthsText(['2025-05', '2025-04'])).toBe('2025年4月、5月')
    expect(monthsText(['2024-12', '2025-01'])).toBe('2024年12月、2025年1月')
    expect(monthsText([])).toBe('')
  })
})

describe('billsByYear', () => {
  it('groups by year, newest year and month first', () => {
    expect(billsByYear(BILLS).map((g) => [g.year, g.bills.map((b) => b.id)])).toEqual([
      ['2025', ['a', 'b', 'c']],
      ['2024', ['d']],
    ])
  })
})

describe('the bind form and top-up amounts', () => {
  it('drops spaces and dashes from a pasted 户号 and names each problem in Chinese', () => {
    expect(normalizeAccountForm({ providerId: ' water ', accountNo: '3100 0123-45' })).toEqual({ providerId: 'water', accountNo: '3100012345' })
    expect(accountFormProblems({ providerId: '', accountNo: '' }).map((p) => p.field)).toEqual(['providerId', 'accountNo'])
    expect(accountFormProblems({ providerId: 'water', accountNo: '12ab' })[0]!.message).toContain('6–16 位数字')
    expect(accountFormProblems({ providerId: 'water', accountNo: '3100012345' })).toEqual([])
  })
  it.each([
    ['100', { fen: 10_000 }],
    ['88.5', { fen: 8_850 }],
    ['10', { fen: 1_000 }],
    ['5000', { fen: 500_000 }],
    ['9.99', { problem: '每次至少充值 10 元' }],
    ['5000.01', { problem: '每次最多充值 5000 元' }],
    ['1.234', { problem: '请输入金额，如 100 或 88.50' }],
    ['', { problem: '请输入金额，如 100 或 88.50' }],
  ])('parseTopUpYuan(%j)', (text, expected) => {
    expect(parseTopUpYuan(text)).toEqual(expected)
  })
})
