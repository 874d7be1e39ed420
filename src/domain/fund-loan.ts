import type { Fen } from './money'
import type { RepaymentMethod } from './loan-calculator'

export type FundLoanStatus = 'repaying' | 'settled'

/** A fund loan's state in Chinese; an unknown one reads as 状态未知. */
export function fundLoanStatusLabel(status: string): string {
  if (status === 'repaying') return '还款中'
  return status === 'settled' ? '已结清' : '状态未知'
}

export const REPAYMENT_METHOD_LABELS: Record<RepaymentMethod, string> = {
  'equal-instalment': '等额本息',
  'equal-principal': '等额本金',
}

/** 等额本息 / 等额本金; an unknown method is shown as the centre sent it. */
export function repaymentMethodLabel(method: string): string {
  return REPAYMENT_METHOD_LABELS[method as RepaymentMethod] ?? method
}

/** A term as people say it: 360 → "30 年（360 期）", 18 → "18 个月". */
export function loanTermText(months: number): string {
  if (months >= 12 && months % 12 === 0) return `${months / 12} 年（${months} 期）`
  return `${months} 个月`
}

/** One period of a loan's repayment schedule (housing-fund@1). */
export interface RepaymentPeriod {
  period: number
  paymentFen: Fen
  principalFen: Fen
  interestFen: Fen
  status: string
}

export interface RepaymentTotals {
  paidCount: number
  paidFen: Fen
  upcomingCount: number
  upcomingFen: Fen
  upcomingPrincipalFen: Fen
  upcomingInterestFen: Fen
  totalFen: Fen
  totalInterestFen: Fen
}

/** What has been repaid and what is still to pay, by period status, in exact fen. */
export function repaymentTotals(rows: readonly RepaymentPeriod[]): RepaymentTotals {
  const t: RepaymentTotals = { paidCount: 0, paidFen: 0, upcomingCount: 0, upcomingFen: 0, upcomingPrincipalFen: 0, upcomingInterestFen: 0, totalFen: 0, totalInterestFen: 0 }
  for (const row of rows) {
    t.totalFen += row.paymentFen
    t.totalInterestFen += row.interestFen
    if (row.status === 'paid') {
      t.paidCount++
      t.paidFen += row.paymentFen
    } else {
      t.upcomingCount++
      t.upcomingFen += row.paymentFen
      t.upcomingPrincipalFen += row.principalFen
      t.upcomingInterestFen += row.interestFen
    }
  }
  return t
}

/** The next period to pay: the earliest one not yet paid (periods come oldest first); undefined once all are paid. */
export function nextPeriod<R extends RepaymentPeriod>(rows: readonly R[]): R | undefined {
  return rows.find((row) => row.status !== 'paid')
}
