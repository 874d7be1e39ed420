import type { AccountT, DepositT, LoanT } from '../../server/contracts/housing-fund'
import { dateCst, monthCst, monthMinus, monthsBetween } from '../shared/china-time'
import { ageOn, birthDateOf } from '../shared/id-number'
import { seeded } from '../shared/seeded'

/**
 * A citizen's housing provident fund, derived from the ID number: the account
 * is replayed month by month from its opening (deposits, the yearly interest
 * settlement on 30 June at 1.5%, the odd withdrawal), so the records and the
 * balance always agree. Loans use the real instalment formulas.
 */

const EMPLOYERS = ['东方电气集团东方电机有限公司', '德阳市第一中学', '四川宏华石油设备有限公司', '德阳市人民医院', '中国第二重型机械集团', '德阳市旌阳区人民政府']
const INTEREST_RATE = 0.015
export const LOAN_RATE_BP = 285

export interface Fund {
  account: Omit<AccountT, 'accountNo'> & { accountNoFull: string }
  history: DepositT[]
  loans: LoanT[]
  age: number
  male: boolean
}

/** Monthly payment and principal owed after k payments, in fen. */
export function instalment(principalFen: number, rateBp: number, termMonths: number, paid: number, method: LoanT['method']) {
  const r = rateBp / 10_000 / 12
  if (method === 'equal-instalment') {
    const g = (1 + r) ** termMonths
    const payment = r === 0 ? principalFen / termMonths : (principalFen * r * g) / (g - 1)
    const balance = r === 0 ? principalFen - payment * paid : (principalFen * (g - (1 + r) ** paid)) / (g - 1)
    return { paymentFen: Math.round(payment), balanceFen: Math.max(0, Math.round(balance)) }
  }
  const part = principalFen / termMonths
  const balance = principalFen - part * paid
  return { paymentFen: Math.round(part + balance * r), balanceFen: Math.max(0, Math.round(balance)) }
}

/** The fund of an ID number, or undefined without a real birth date or under 18. */
export function fundOf(idNumber: string, nowMs: number): Fund | undefined {
  const birth = birthDateOf(idNumber)
  const today = dateCst(nowMs)
  if (!birth || ageOn(birth, today) < 18) return undefined
  const rng = seeded('housing-fund', idNumber)
  const latest = monthMinus(monthCst(nowMs), 1)
  let opened = `${Math.max(Number(birth.slice(0, 4)) + rng.int(20, 25), 2003)}-${String(rng.int(1, 12)).padStart(2, '0')}`
  if (opened > latest) opened = latest
  const sealed = rng.chance(0.15)
  let lastDepositMonth = sealed ? monthMinus(latest, rng.int(3, 24)) : latest
  if (lastDepositMonth < opened) lastDepositMonth = opened
  const rateBp = rng.pick([500, 700, 1000, 1200])
  const baseFen = rng.int(40, 200) * 10_000
  const monthly = Math.round((baseFen * rateBp * 2) / 10_000)

  const history: DepositT[] = []
  let balance = 0
  for (const month of monthsBetween(opened, latest)) {
    if (month <= lastDepositMonth) {
      balance += monthly
      history.push({ month, kind: 'deposit', amountFen: monthly, balanceAfterFen: balance, note: '汇缴' })
    }
    if (month.endsWith('-06') && balance > 0) {
      const interest = Math.round(balance * INTEREST_RATE)
      balance += interest
      history.push({ month, kind: 'interest', amountFen: interest, balanceAfterFen: balance, note: '年度结息' })
    }
    if (balance > 1_000_000 && rng.chance(0.02)) {
      const amount = Math.round(balance * (0.2 + rng.next() * 0.4))
      balance -= amount
      history.push({ month, kind: 'withdrawal', amountFen: amount, balanceAfterFen: balance, note: rng.pick(['租房提取', '购房提取', '重大疾病提取']) })
    }
  }

  const loanRng = seeded('housing-fund-loan', idNumber)
  const loans: LoanT[] = []
  const firstPossible = monthsBetween(opened, latest)[12]
  const lastPossible = monthMinus(latest, 6)
  if (firstPossible && firstPossible <= lastPossible && loanRng.chance(0.4)) {
    const span = monthsBetween(firstPossible, lastPossible)
    const startMonth = loanRng.pick(span)
    const principalFen = loanRng.int(30, 90) * 1_000_000
    const termMonths = loanRng.pick([120, 180, 240, 300, 360])
    const method = loanRng.chance(0.7) ? ('equal-instalment' as const) : ('equal-principal' as const)
    const paidMonths = Math.min(termMonths, monthsBetween(startMonth, latest).length)
    const settled = paidMonths >= termMonths
    const { paymentFen, balanceFen } = instalment(principalFen, LOAN_RATE_BP, termMonths, paidMonths, method)
    const thisMonth = monthCst(nowMs)
    const nextMonth = today.slice(8) <= '20' ? thisMonth : monthMinus(thisMonth, -1)
    loans.push({
      loanNo: loanRng.digits(4) + loanRng.digits(12),
      status: settled ? 'settled' : 'repaying',
      principalFen,
      balanceFen: settled ? 0 : balanceFen,
      annualRateBp: LOAN_RATE_BP,
      termMonths,
      paidMonths,
      method,
      nextPaymentFen: settled ? 0 : paymentFen,
      ...(settled ? {} : { nextPaymentDate: `${nextMonth}-20` }),
      startMonth,
    })
  }

  return {
    account: {
      accountNoFull: `${seeded('housing-fund-account', idNumber).digits(12)}`,
      status: sealed ? 'sealed' : 'normal',
      balanceFen: balance,
      monthlyDepositFen: monthly,
      personalRateBp: rateBp,
      employerRateBp: rateBp,
      lastDepositMonth,
      openedMonth: opened,
      employer: sealed ? '（封存）' + rng.pick(EMPLOYERS) : rng.pick(EMPLOYERS),
    },
    history,
    loans,
    age: ageOn(birth, today),
    male: Number(idNumber[16]) % 2 === 1,
  }
}
