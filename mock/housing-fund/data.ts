import { createHash } from 'node:crypto'
import type { AccountT, DepositT, LoanScheduleT, LoanT } from '../../src/api/housing-fund'
import { type LoanSchedule, equalInstalmentSchedule, equalPrincipalSchedule } from '../../src/domain/loan-calculator'
import { dateCst, monthCst, monthMinus, monthsBetween } from '../shared/china-time'
import { ageOn, birthDateOf } from '../shared/id-number'
import { seeded } from '../shared/seeded'
import { type TenantCity, employersOf } from '../shared/tenant-city'

/**
 * A citizen's housing provident fund in one city, derived from the ID number
 * and the city. The account is replayed month by month from its opening:
 * deposits while employed (the base adjusted every July, the employer
 * changing between periods, the account sealed (封存) in the gaps), the
 * yearly interest settlement on 30 June at 1.5%, the odd withdrawal, so the
 * records and the balance always agree. Loans are repaid on the 20th by the
 * same schedule the app's calculator computes (src/domain/loan-calculator).
 */

const INTEREST_RATE = 0.015
/** The 5-year+ fund loan rate since May 2025: 2.85%. */
export const LOAN_RATE_BP = 285
const REPAYMENT_DAY = '20'
/** The deposit base is capped at about 3 times the average wage. */
const MAX_BASE_FEN = 3_000_000

export interface Fund {
  account: Omit<AccountT, 'accountNo'> & { accountNoFull: string }
  history: DepositT[]
  /** Loan numbers in full; the answers mask them. */
  loans: LoanT[]
  age: number
  male: boolean
}

interface Period {
  employer: string
  from: string
  to: string
  rateBp: number
  baseFactor: number
}

/** The id the contract uses for a loan (its number stays masked). */
export function loanIdOf(loanNo: string): string {
  return createHash('sha256').update(`loan|${loanNo}`).digest('hex').slice(0, 16)
}

/** A loan's schedule by the calculator the app uses: the rate in basis points is thousandths of a percent × 10. */
export function scheduleOf(loan: Pick<LoanT, 'principalFen' | 'annualRateBp' | 'termMonths' | 'method'>): LoanSchedule {
  const input = { principalFen: loan.principalFen, rateMilliPercent: loan.annualRateBp * 10, months: loan.termMonths }
  return loan.method === 'equal-instalment' ? equalInstalmentSchedule(input) : equalPrincipalSchedule(input)
}

/** Period k (1-based) of a loan drawn in `startMonth` falls due on the 20th, k months later. */
export function dueDateOf(startMonth: string, period: number): string {
  return `${monthMinus(startMonth, -period)}-${REPAYMENT_DAY}`
}

/** Every period of the loan, paid up to today (China time) or upcoming. */
export function loanScheduleOf(loan: LoanT, today: string): LoanScheduleT {
  return {
    loanId: loan.loanId,
    rows: scheduleOf(loan).rows.map((row) => {
      const dueDate = dueDateOf(loan.startMonth, row.month)
      return { period: row.month, dueDate, paymentFen: row.paymentFen, principalFen: row.principalFen, interestFen: row.interestFen, balanceFen: row.balanceFen, status: dueDate <= today ? 'paid' : 'upcoming' }
    }),
  }
}

function periodsOf(rng: ReturnType<typeof seeded>, city: TenantCity, opened: string, latest: string): Period[] {
  const employers = employersOf(city)
  const periods: Period[] = []
  let from = opened
  while (from <= latest) {
    let employer = rng.pick(employers)
    if (employer === periods.at(-1)?.employer) employer = employers[(employers.indexOf(employer) + 1) % employers.length]!
    let to = monthMinus(from, 1 - rng.int(24, 120))
    if (to >= latest) to = rng.chance(0.15) ? monthMinus(latest, rng.int(3, 24)) : latest
    if (to < from) to = from
    periods.push({ employer, from, to, rateBp: rng.pick([500, 700, 1000, 1200]), baseFactor: 0.8 + rng.int(0, 8) / 10 })
    if (to < latest && to >= monthMinus(latest, 24)) break
    from = monthMinus(to, -(1 + (rng.chance(0.3) ? rng.int(1, 6) : 0)))
  }
  return periods
}

/** The fund of an ID number, or undefined without a real birth date or under 18. */
export function fundOf(idNumber: string, city: TenantCity, nowMs: number): Fund | undefined {
  const birth = birthDateOf(idNumber)
  const today = dateCst(nowMs)
  if (!birth || ageOn(birth, today) < 18) return undefined
  const rng = seeded('housing-fund', city.code, idNumber)
  const latest = monthMinus(monthCst(nowMs), 1)
  let opened = `${Math.max(Number(birth.slice(0, 4)) + rng.int(20, 25), 2003)}-${String(rng.int(1, 12)).padStart(2, '0')}`
  if (opened > latest) opened = latest
  const periods = periodsOf(rng, city, opened, latest)
  const startBaseFen = rng.int(25, 120) * 10_000
  const startYear = Number(opened.slice(0, 4))
  // Bases are set every July for the year to June.
  const baseOf = (period: Period, month: string) => {
    const year = Number(month.slice(0, 4)) - (month.slice(5) < '07' ? 1 : 0)
    return Math.min(MAX_BASE_FEN, Math.round((startBaseFen * period.baseFactor * 1.05 ** Math.max(0, year - startYear)) / 100) * 100)
  }
  const partOf = (base: number, rateBp: number) => Math.round((base * rateBp) / 10_000 / 100) * 100

  const history: DepositT[] = []
  let balance = 0
  for (const month of monthsBetween(opened, latest)) {
    const period = periods.find((p) => p.from <= month && month <= p.to)
    if (period) {
      const amount = 2 * partOf(baseOf(period, month), period.rateBp)
      balance += amount
      history.push({ month, kind: 'deposit', amountFen: amount, balanceAfterFen: balance, note: `汇缴：${period.employer}` })
    }
    if (month.endsWith('-06') && balance > 0) {
      const interest = Math.round(balance * INTEREST_RATE)
      balance += interest
      history.push({ month, kind: 'interest', amountFen: interest, balanceAfterFen: balance, note: '年度结息' })
    }
    if (balance > 1_000_000 && rng.chance(0.02)) {
      const amount = Math.round((balance * (0.2 + rng.next() * 0.4)) / 100) * 100
      balance -= amount
      history.push({ month, kind: 'withdrawal', amountFen: amount, balanceAfterFen: balance, note: rng.pick(['租房提取', '购房提取', '重大疾病提取']) })
    }
  }

  const last = periods.at(-1)!
  const sealed = last.to < latest
  const base = baseOf(last, last.to)
  const part = partOf(base, last.rateBp)
  return {
    account: {
      accountNoFull: seeded('housing-fund-account', city.code, idNumber).digits(12),
      status: sealed ? 'sealed' : 'normal',
      balanceFen: balance,
      monthlyDepositFen: sealed ? 0 : 2 * part,
      personalMonthlyFen: sealed ? 0 : part,
      employerMonthlyFen: sealed ? 0 : part,
      depositBaseFen: base,
      personalRateBp: last.rateBp,
      employerRateBp: last.rateBp,
      lastDepositMonth: last.to,
      openedMonth: opened,
      employer: last.employer,
    },
    history,
    loans: loansOf(idNumber, city, opened, latest, today),
    age: ageOn(birth, today),
    male: Number(idNumber[16]) % 2 === 1,
  }
}

/** About 4 in 10 people took a fund loan at least a year after opening the account. */
function loansOf(idNumber: string, city: TenantCity, opened: string, latest: string, today: string): Fund['loans'] {
  const rng = seeded('housing-fund-loan', city.code, idNumber)
  const firstPossible = monthsBetween(opened, latest)[12]
  const lastPossible = monthMinus(latest, 6)
  if (!firstPossible || firstPossible > lastPossible || !rng.chance(0.4)) return []
  const startMonth = rng.pick(monthsBetween(firstPossible, lastPossible))
  const loanNoFull = rng.digits(4) + rng.digits(12)
  const terms = { principalFen: rng.int(30, 90) * 1_000_000, annualRateBp: LOAN_RATE_BP, termMonths: rng.pick([120, 180, 240, 300, 360]), method: rng.chance(0.7) ? ('equal-instalment' as const) : ('equal-principal' as const) }
  const rows = scheduleOf(terms).rows
  const paidMonths = rows.filter((row) => dueDateOf(startMonth, row.month) <= today).length
  const next = rows[paidMonths]
  return [
    {
      loanId: loanIdOf(loanNoFull),
      loanNo: loanNoFull,
      status: next ? 'repaying' : 'settled',
      ...terms,
      balanceFen: paidMonths === 0 ? terms.principalFen : rows[paidMonths - 1]!.balanceFen,
      paidMonths,
      nextPaymentFen: next?.paymentFen ?? 0,
      ...(next ? { nextPaymentDate: dueDateOf(startMonth, next.month) } : {}),
      startMonth,
    },
  ]
}
