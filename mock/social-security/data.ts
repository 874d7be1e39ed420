import type { ContributionT, EmploymentT } from '../../src/api/social-security'
import { INSURANCE_TYPES } from '../../src/api/social-security'
import { dateCst, monthCst, monthMinus, monthsBetween } from '../shared/china-time'
import { ageOn, birthDateOf } from '../shared/id-number'
import { seeded } from '../shared/seeded'
import { type TenantCity, employersOf } from '../shared/tenant-city'

/**
 * A citizen's social insurance in one city, derived from the ID number and
 * the city: a working life of contribution periods (参保单位 or 灵活就业,
 * pension and medical only), with job changes, gaps between some periods
 * (断缴) and, for some, contributions that stopped a while ago; a
 * contribution base that rises about 4% a year and changes with the employer.
 */

export type InsuranceType = (typeof INSURANCE_TYPES)[number]

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

const FLEXIBLE = '灵活就业人员'
/** The base is capped at 3 times a (rounded) average wage, as bureaus do. */
const MAX_BASE_FEN = 3_000_000

export interface Period {
  employer: string
  from: string
  /** Last month contributed, inclusive. */
  to: string
  flexible: boolean
  /** This employer's base relative to the person's usual one. */
  baseFactor: number
}

export interface Insured {
  /** Oldest first, never overlapping. */
  periods: Period[]
  /** The month before this one: the latest a bureau has settled. */
  latest: string
  startBaseFen: number
  startYear: number
}

const typesOf = (p: Period): readonly InsuranceType[] => (p.flexible ? ['pension', 'medical'] : INSURANCE_TYPES)

/** The insured person, or undefined when the number has no real birth date or the holder is under 16. */
export function insuredOf(idNumber: string, city: TenantCity, nowMs: number): Insured | undefined {
  const birth = birthDateOf(idNumber)
  if (!birth || ageOn(birth, dateCst(nowMs)) < 16) return undefined
  const rng = seeded('social-security', city.code, idNumber)
  const latest = monthMinus(monthCst(nowMs), 1)
  let from = `${Math.max(Number(birth.slice(0, 4)) + rng.int(18, 24), 1998)}-${String(rng.int(1, 12)).padStart(2, '0')}`
  if (from > latest) from = latest
  const employers = employersOf(city)
  const periods: Period[] = []
  while (from <= latest) {
    const flexible = rng.chance(0.12)
    let employer = flexible ? FLEXIBLE : rng.pick(employers)
    if (employer === periods.at(-1)?.employer) employer = employers[(employers.indexOf(employer) + 1) % employers.length]!
    let to = monthMinus(from, 1 - rng.int(18, 96))
    // Some people stopped contributing a while ago (left the city, out of work).
    if (to >= latest) to = rng.chance(0.12) ? monthMinus(latest, rng.int(2, 18)) : latest
    if (to < from) to = from
    periods.push({ employer, from, to, flexible, baseFactor: flexible ? 0.6 : 0.8 + rng.int(0, 6) / 10 })
    if (to >= monthMinus(latest, 18) && to < latest) break
    from = monthMinus(to, -(1 + (rng.chance(0.35) ? rng.int(1, 8) : 0)))
  }
  return { periods, latest, startBaseFen: rng.int(30, 120) * 10_000, startYear: Number(periods[0]!.from.slice(0, 4)) }
}

/** The base of a month in a period, in fen, rounded to the yuan. */
export function baseFen(p: Insured, period: Period, month: string): number {
  const grown = p.startBaseFen * period.baseFactor * 1.04 ** (Number(month.slice(0, 4)) - p.startYear)
  return Math.min(MAX_BASE_FEN, Math.round(grown / 100) * 100)
}

/** Contribution periods as the contract lists them: newest first, the one still going without `to`. */
export function employmentsOf(p: Insured): EmploymentT[] {
  return [...p.periods].reverse().map((period) => ({
    employer: period.employer,
    from: period.from,
    ...(period.to === p.latest ? {} : { to: period.to }),
    flexible: period.flexible,
  }))
}

export interface TypeStatus {
  status: 'active' | 'suspended' | 'not-insured'
  since?: string
  lastPaidMonth?: string
  employer?: string
}

/** Per type: contributing now (active), contributed before but not now (suspended), or never (not-insured). */
export function typeStatusOf(p: Insured, type: InsuranceType): TypeStatus {
  const covering = p.periods.filter((period) => typesOf(period).includes(type))
  const last = covering.at(-1)
  if (!last) return { status: 'not-insured' }
  return { status: last.to === p.latest ? 'active' : 'suspended', since: covering[0]!.from, lastPaidMonth: last.to, employer: last.employer }
}

export function contributionsOf(p: Insured, months: string[], only?: InsuranceType): ContributionT[] {
  const out: ContributionT[] = []
  for (const month of months) {
    const period = p.periods.find((x) => x.from <= month && month <= x.to)
    if (!period) continue
    for (const type of typesOf(period)) {
      if (only && type !== only) continue
      const base = baseFen(p, period, month)
      const [personal, employer] = RATES[type]
      const personalFen = Math.round((base * (period.flexible ? personal + employer : personal)) / 10_000)
      const employerFen = period.flexible ? 0 : Math.round((base * employer) / 10_000)
      out.push({ month, type, baseFen: base, personalFen, employerFen, employer: period.employer })
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

/** The medical account over the last 12 months with medical insurance: a monthly credit of the personal part and some pharmacy or clinic spending. */
export function medicalAccountOf(idNumber: string, city: TenantCity, p: Insured): { balanceFen: number; transactions: MedicalTransaction[] } {
  const rng = seeded('social-security-medical', city.code, idNumber)
  const places = [`${city.fullName}人民医院门诊`, `${city.fullName}中医医院`, '一心堂大药房', '老百姓大药房', `${city.name}社区卫生服务中心`, '桐君阁大药房']
  let balance = rng.int(500, 8000) * 100
  const medical = typeStatusOf(p, 'medical')
  const last = medical.lastPaidMonth ?? p.latest
  const months = monthsBetween(monthMinus(last, 11), last)
  const txs: MedicalTransaction[] = []
  const idFor = (month: string, n: number) => String(seeded('medical-tx', idNumber, month, n).int(1, 9)) + seeded('medical-tx-d', idNumber, month, n).digits(15)
  for (const month of months) {
    const period = p.periods.find((x) => x.from <= month && month <= x.to)
    if (period) {
      const credit = Math.round((baseFen(p, period, month) * 200) / 10_000)
      balance += credit
      txs.push({ id: idFor(month, 0), time: `${month}-05T10:00:00+08:00`, kind: 'credit', amountFen: credit, description: '个人账户划入', balanceAfterFen: balance })
    }
    const spends = rng.int(0, 3)
    for (let n = 1; n <= spends; n++) {
      const amount = Math.min(balance, rng.int(15, 300) * 100 + rng.int(0, 99))
      if (amount <= 0) break
      balance -= amount
      const day = String(5 + n * 6 + rng.int(0, 4)).padStart(2, '0')
      const time = `${month}-${day}T${String(rng.int(8, 20)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`
      txs.push({ id: idFor(month, n), time, kind: 'debit', amountFen: amount, description: rng.pick(places), balanceAfterFen: balance })
    }
  }
  return { balanceFen: balance, transactions: txs.reverse().slice(0, 30) }
}
