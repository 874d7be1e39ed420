import { type LoanInput, type LoanSchedule, parseRatePercent } from './loan-calculator'
import type { Fen } from './money'

/** How the term is typed: whole years (the usual way banks quote it) or months. */
export type TermUnit = 'years' | 'months'

/** The calculator's fields as typed; they stay as typed whatever is wrong with them. */
export interface LoanForm {
  /** 贷款金额 in 万元, as house prices and loans are quoted in China. */
  amountWan: string
  /** 年利率 in percent, e.g. "2.85". */
  ratePercent: string
  term: string
  termUnit: TermUnit
}

/** The 5-year-and-over first-home housing fund rate since 8 May 2025: the calculator's starting rate. */
export const DEFAULT_FUND_RATE = '2.85'

const FEN_PER_WAN = 1_000_000

function normalizeDigits(text: string): string {
  return text.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, '.').replace(/\s/g, '')
}

/** 万元 text → fen, exactly (up to 6 decimals, one fen); NaN when it is not such a number, so loanProblems names it. */
export function parseWanYuan(text: string): Fen {
  const match = /^(\d{1,6})(?:\.(\d{0,6}))?$/.exec(normalizeDigits(text))
  if (!match) return Number.NaN
  return Number(match[1]) * FEN_PER_WAN + Number((match[2] ?? '').padEnd(6, '0'))
}

/** Whole years or months → months; NaN when it is not a whole number, so loanProblems names it. */
export function parseTermMonths(text: string, unit: TermUnit): number {
  const value = normalizeDigits(text)
  if (!/^\d{1,4}$/.test(value)) return Number.NaN
  return Number(value) * (unit === 'years' ? 12 : 1)
}

/** The typed form as the calculator's input; unreadable fields become NaN and are reported by loanProblems. */
export function readLoanForm(form: LoanForm): LoanInput {
  return {
    principalFen: parseWanYuan(form.amountWan),
    rateMilliPercent: parseRatePercent(normalizeDigits(form.ratePercent)),
    months: parseTermMonths(form.term, form.termUnit),
  }
}

/**
 * How much less each 等额本金 month pays than the one before: the monthly
 * principal's interest. Taken from the first two months (later pairs can
 * differ by a fen of rounding); 0 for a one-month loan.
 */
export function monthlyDecreaseFen(schedule: LoanSchedule): Fen {
  const [first, second] = schedule.rows
  return first && second ? first.paymentFen - second.paymentFen : 0
}
