import type { Fen } from './money'

/**
 * 公积金贷款计算器: equal instalment (等额本息) and equal principal (等额本金)
 * schedules in integer fen. Each month's interest is the balance times the
 * monthly rate (annual ÷ 12), rounded half up to the fen; the equal
 * instalment is the annuity formula rounded to the fen, as banks quote it;
 * the last month pays exactly what is left, so the principal always sums to
 * the loan and no balance goes below zero.
 */

export type RepaymentMethod = 'equal-instalment' | 'equal-principal'

export interface LoanInput {
  principalFen: Fen
  /** Annual rate in thousandths of a percent: 3.1% → 3100 (rates carry at most three decimals of a percent). */
  rateMilliPercent: number
  months: number
}

export interface ScheduleRow {
  month: number
  paymentFen: Fen
  principalFen: Fen
  interestFen: Fen
  /** What is still owed after this month's payment. */
  balanceFen: Fen
}

export interface LoanSchedule {
  method: RepaymentMethod
  rows: ScheduleRow[]
  totalPaymentFen: Fen
  totalInterestFen: Fen
}

export const MAX_MONTHS = 360
/** 1 亿元: keeps balance × rate within exact integers. */
export const MAX_PRINCIPAL_FEN = 10_000_000_000
/** 24% a year: above any lawful lending rate. */
export const MAX_RATE_MILLI_PERCENT = 24_000

/** thousandths of a percent per year → parts per 1,200,000 per month */
const MONTHLY_DENOMINATOR = 100 * 1000 * 12

/** balance × monthly rate, rounded half up to the fen, in exact integers. */
function monthlyInterest(balanceFen: Fen, rateMilliPercent: number): Fen {
  return Math.floor((balanceFen * rateMilliPercent * 2 + MONTHLY_DENOMINATOR) / (2 * MONTHLY_DENOMINATOR))
}

export type LoanField = 'principal' | 'rate' | 'months'
export interface LoanProblem {
  field: LoanField
  message: string
}

/** What is wrong with the input, each with a message saying what to enter. */
export function loanProblems(input: LoanInput): LoanProblem[] {
  const problems: LoanProblem[] = []
  if (!Number.isInteger(input.principalFen) || input.principalFen <= 0 || input.principalFen > MAX_PRINCIPAL_FEN) {
    problems.push({ field: 'principal', message: '贷款金额须大于 0 元且不超过 1 亿元' })
  }
  if (!Number.isInteger(input.rateMilliPercent) || input.rateMilliPercent <= 0 || input.rateMilliPercent > MAX_RATE_MILLI_PERCENT) {
    problems.push({ field: 'rate', message: '年利率须大于 0 且不超过 24%，最多 3 位小数，例如 2.85' })
  }
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > MAX_MONTHS) {
    problems.push({ field: 'months', message: `贷款期限须为 1–${MAX_MONTHS} 个月（最长 30 年）` })
  }
  return problems
}

/** The equal instalment as banks quote it: P·r·(1+r)^n / ((1+r)^n − 1), rounded to the fen. */
export function equalInstalmentFen({ principalFen, rateMilliPercent, months }: LoanInput): Fen {
  const r = rateMilliPercent / MONTHLY_DENOMINATOR
  const growth = (1 + r) ** months
  return Math.round((principalFen * r * growth) / (growth - 1))
}

function schedule(method: RepaymentMethod, input: LoanInput, principalOf: (month: number, balance: Fen, interest: Fen) => Fen): LoanSchedule {
  const problems = loanProblems(input)
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join('；'))
  const rows: ScheduleRow[] = []
  let balance = input.principalFen
  for (let month = 1; month <= input.months; month++) {
    const interestFen = monthlyInterest(balance, input.rateMilliPercent)
    // The last month settles the rest; before it, never more than is owed.
    const principalFen = month === input.months ? balance : Math.min(balance, principalOf(month, balance, interestFen))
    balance -= principalFen
    rows.push({ month, paymentFen: principalFen + interestFen, principalFen, interestFen, balanceFen: balance })
  }
  const totalPaymentFen = rows.reduce((sum, row) => sum + row.paymentFen, 0)
  return { method, rows, totalPaymentFen, totalInterestFen: totalPaymentFen - input.principalFen }
}

/** 等额本息: the same payment every month (the last one settles the rounding). */
export function equalInstalmentSchedule(input: LoanInput): LoanSchedule {
  const payment = loanProblems(input).length === 0 ? equalInstalmentFen(input) : 0
  return schedule('equal-instalment', input, (_month, _balance, interest) => Math.max(0, payment - interest))
}

/** 等额本金: the same principal every month (the first months carry the fen that do not divide evenly), interest on what is left. */
export function equalPrincipalSchedule(input: LoanInput): LoanSchedule {
  const base = Math.floor(input.principalFen / input.months)
  const extra = input.principalFen - base * input.months
  return schedule('equal-principal', input, (month) => base + (month <= extra ? 1 : 0))
}

/** "3.1", "2.85 %", "4.900" → thousandths of a percent; NaN when it is not a rate with at most three decimals. */
export function parseRatePercent(text: string): number {
  const match = /^\s*(\d{1,2})(?:\.(\d{1,3}))?\s*%?\s*$/.exec(text)
  if (!match) return Number.NaN
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'))
}
