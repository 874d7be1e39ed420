import type { ContributionT } from '../../server/contracts/social-security'
import { INSURANCE_TYPES } from '../../server/contracts/social-security'
import { dateCst, monthCst, monthMinus, monthsBetween } from '../shared/china-time'
import { ageOn, birthDateOf } from '../shared/id-number'
import { seeded } from '../shared/seeded'

/**
 * A citizen's social insurance, derived from the ID number: when they started
 * contributing, whether they work for an employer or contribute as a
 * flexible worker (灵活就业, pension and medical only), whether contributions
 * were suspended, and a contribution base that rises about 4% a year.
 */

type InsuranceType = (typeof INSURANCE_TYPES)[number]

export const TYPE_NAMES: Record<InsuranceType, string> = {
  pension: '养老保险',
  medical: '医疗保险',
  unemployment: '失业保险',
  injury: '工伤保险',
  maternity: '生育保险',
}

// Rates in basis points of the base: [personal, employer]; flexible workers pay both parts themselves.
const RATES: Record<InsuranceType, [number, number]> = {
  pension: [800, 1600],
  medical: [200, 800],
  unemployment: [50, 50],
  injury: [0, 40],
  maternity: [0, 80],
}

const EMPLOYERS = ['东方电气集团东方电机有限公司', '德阳市第一中学', '四川宏华石油设备有限公司', '德阳市人民医院', '中国第二重型机械集团', '德阳市旌阳区人民政府']

export interface Insured {
  since: string
  lastPaidMonth: string
  suspended: boolean
  flexible: boolean
  employer: string
  /** Base in fen for a month. */
  baseFen(month: string): number
  types: InsuranceType[]
}

/** The insured person, or undefined when the number has no real birth date or the holder is under 16. */
export function insuredOf(idNumber: string, nowMs: number): Insured | undefined {
  const birth = birthDateOf(idNumber)
  const today = dateCst(nowMs)
  if (!birth || ageOn(birth, today) < 16) return undefined
  const rng = seeded('social-security', idNumber)
  const latest = monthMinus(monthCst(nowMs), 1)
  let since = `${Math.max(Number(birth.slice(0, 4)) + rng.int(18, 24), 1998)}-${String(rng.int(1, 12)).padStart(2, '0')}`
  if (since > latest) since = latest
  const suspended = rng.chance(0.12)
  let lastPaidMonth = suspended ? monthMinus(latest, rng.int(2, 18)) : latest
  if (lastPaidMonth < since) lastPaidMonth = since
  const flexible = rng.chance(0.15)
  const startBaseFen = rng.int(30, 150) * 10_000
  const startYear = Number(since.slice(0, 4))
  return {
    since,
    lastPaidMonth,
    suspended,
    flexible,
    employer: flexible ? '灵活就业人员' : rng.pick(EMPLOYERS),
    baseFen: (month) => Math.min(3_000_000, Math.round((startBaseFen * 1.04 ** (Number(month.slice(0, 4)) - startYear)) / 100) * 100),
    types: flexible ? ['pension', 'medical'] : [...INSURANCE_TYPES],
  }
}

export function contributionsOf(p: Insured, months: string[], only?: InsuranceType): ContributionT[] {
  const out: ContributionT[] = []
  for (const month of months) {
    if (month < p.since || month > p.lastPaidMonth) continue
    for (const type of p.types) {
      if (only && type !== only) continue
      const base = p.baseFen(month)
      const [personal, employer] = RATES[type]
      const personalFen = Math.round((base * (p.flexible ? personal + employer : personal)) / 10_000)
      const employerFen = p.flexible ? 0 : Math.round((base * employer) / 10_000)
      out.push({ month, type, baseFen: base, personalFen, employerFen, employer: p.employer })
    }
  }
  return out
}

export interface MedicalTransaction {
  id: string
  time: string
  kind: 'credit' | 'debit'
  amountFen: number
  description: string
  balanceAfterFen: number
}

const PLACES = ['德阳市人民医院门诊', '德阳市中医医院', '一心堂大药房（泰山路店）', '老百姓大药房（长江路店）', '社区卫生服务中心', '桐君阁大药房']

/** The medical account over the last 12 paid months: a monthly credit of the personal part and some pharmacy or clinic spending. */
export function medicalAccountOf(idNumber: string, p: Insured): { balanceFen: number; transactions: MedicalTransaction[] } {
  const rng = seeded('social-security-medical', idNumber)
  let balance = rng.int(500, 8000) * 100
  const months = monthsBetween(monthMinus(p.lastPaidMonth, 11) < p.since ? p.since : monthMinus(p.lastPaidMonth, 11), p.lastPaidMonth)
  const txs: MedicalTransaction[] = []
  const idFor = (month: string, n: number) => String(seeded('medical-tx', idNumber, month, n).int(1, 9)) + seeded('medical-tx-d', idNumber, month, n).digits(15)
  for (const month of months) {
    const credit = Math.round((p.baseFen(month) * 200) / 10_000)
    balance += credit
    txs.push({ id: idFor(month, 0), time: `${month}-05T10:00:00+08:00`, kind: 'credit', amountFen: credit, description: '个人账户划入', balanceAfterFen: balance })
    const spends = rng.int(0, 3)
    for (let n = 1; n <= spends; n++) {
      const amount = Math.min(balance, rng.int(15, 300) * 100 + rng.int(0, 99))
      if (amount <= 0) break
      balance -= amount
      const day = String(5 + n * 6 + rng.int(0, 4)).padStart(2, '0')
      const time = `${month}-${day}T${String(rng.int(8, 20)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`
      txs.push({ id: idFor(month, n), time, kind: 'debit', amountFen: amount, description: rng.pick(PLACES), balanceAfterFen: balance })
    }
  }
  return { balanceFen: balance, transactions: txs.reverse().slice(0, 30) }
}
