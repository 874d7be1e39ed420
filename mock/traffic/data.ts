import type { Violation } from '../../src/api/traffic'
import { DAY_MS, addDays, atCst, dateCst, isoCst } from '../shared/china-time'
import { birthDateOf } from '../shared/id-number'
import { seeded } from '../shared/seeded'
import type { TenantCity } from '../shared/tenant-city'

/**
 * The simulated traffic police records, derived from the request and the
 * agency's city: a plate's violations come from a hash of plate, plate type
 * and city, so the same vehicle always has the same records in a city, and a
 * violation belongs to the one city where it happened (another city's police
 * know other violations, with other record numbers). Times are counted back from the start of the
 * agency's current day (index 0 is always a recent camera-captured one, so a
 * fresh fine without late fee is always there to pay).
 */

interface Offence {
  code: string
  behaviour: string
  fineFen: number
  points: number
  /** Captured by camera (电子警察) rather than written on site. */
  camera: boolean
}

const OFFENCES: readonly Offence[] = [
  { code: '1625', behaviour: '驾驶机动车违反道路交通信号灯通行的', fineFen: 20_000, points: 6, camera: true },
  { code: '1352', behaviour: '驾驶中型以上载客载货汽车以外的机动车超过规定时速10%未达20%的', fineFen: 5_000, points: 0, camera: true },
  { code: '1636', behaviour: '驾驶机动车超过规定时速20%以上未达50%的', fineFen: 20_000, points: 6, camera: true },
  { code: '1039', behaviour: '机动车违反规定停放、临时停车，驾驶人不在现场或者虽在现场但拒绝立即驶离，妨碍其他车辆、行人通行的', fineFen: 15_000, points: 0, camera: true },
  { code: '1345', behaviour: '机动车不按规定车道行驶的', fineFen: 10_000, points: 1, camera: true },
  { code: '1357', behaviour: '驾驶机动车行经人行横道，不按规定减速、停车、避让行人的', fineFen: 20_000, points: 3, camera: true },
  { code: '6050', behaviour: '驾驶人未按规定使用安全带的', fineFen: 5_000, points: 1, camera: true },
  { code: '1101', behaviour: '驾驶机动车有拨打、接听手持电话等妨碍安全驾驶的行为的', fineFen: 5_000, points: 3, camera: true },
  { code: '1301', behaviour: '机动车逆向行驶的', fineFen: 20_000, points: 3, camera: false },
  { code: '1042', behaviour: '机动车驾驶人未随车携带行驶证的', fineFen: 5_000, points: 0, camera: false },
  { code: '1711', behaviour: '饮酒后驾驶机动车的', fineFen: 150_000, points: 12, camera: false },
]

const PLACES = [
  '人民路与长江路交叉口',
  '泰山北路天山路口',
  '天府大道北段1480号',
  '成绵高速K38+500',
  '岷江西路与黄河路交叉口',
  '市体育中心东侧停车场入口',
  '长江东路中段',
  'G5京昆高速K1620+300',
  '华山南路嘉陵江路口',
  '金沙江西路（市第一中学门口）',
]

const AUTHORITIES = ['公安局交通警察支队一大队', '公安局交通警察支队二大队', '公安局交通警察支队高速公路大队', '公安局交通警察支队直属大队']

// Shown to citizens as they are: Chinese only.
export const NOT_PAYABLE = {
  onSite: '现场处罚决定书，请按决定书注明的银行或方式缴款',
  severe: '记6分及以上的违法须先到交警窗口接受处理，处理后方可缴款',
  paid: '已缴款',
  processing: '缴款处理中，请勿重复缴款',
  pointsFull: '该车辆未处理的违法累计记分将达到 12 分，须到交警窗口接受处理',
} as const

export interface GeneratedViolation extends Violation {
  lawBasis: string
  authority: string
  /** Paid before the simulation started (not through this agency's pay operation). */
  historicPaidAt?: string
}

/** Plates whose last five characters are 00000 are not registered; an engine tail of 000000 never matches. */
export function isRegistered(plate: string, engineTail: string): boolean {
  return !plate.endsWith('00000') && engineTail !== '000000'
}

export function payableOnline(o: Offence): { payable: true } | { payable: false; reason: string } {
  if (!o.camera) return { payable: false, reason: NOT_PAYABLE.onSite }
  if (o.points >= 6) return { payable: false, reason: NOT_PAYABLE.severe }
  return { payable: true }
}

/** 16-digit record number, stable for the plate, plate type, city and position. */
export function violationId(plate: string, plateType: string, city: TenantCity, index: number): string {
  const rng = seeded('traffic-violation-id', plate, plateType, city.code, index)
  return String(rng.int(1, 9)) + rng.digits(15)
}

/** The vehicle's violations in the city, newest first. */
export function generateViolations(plate: string, plateType: string, city: TenantCity, nowMs: number): GeneratedViolation[] {
  const rng = seeded('traffic-violations', plate, plateType, city.code)
  const count = rng.int(2, 5)
  const today = dateCst(nowMs)
  const easy = OFFENCES.filter((o) => payableOnline(o).payable)
  const hard = OFFENCES.filter((o) => !payableOnline(o).payable)
  const out: GeneratedViolation[] = []
  let daysAgo = rng.int(3, 10)
  for (let i = 0; i < count; i++) {
    // Position 0: recent and payable online; 1: one that must be handled elsewhere; the rest anything.
    const offence = i === 0 ? rng.pick(easy) : i === 1 ? rng.pick(hard) : rng.pick(OFFENCES)
    const minutes = rng.int(6 * 60, 23 * 60)
    const time = isoCst(atCst(addDays(today, -daysAgo)) + minutes * 60_000)
    const roll = rng.next()
    const status = i < 2 ? 'unpaid' : roll < 0.45 ? 'paid' : roll < 0.55 ? 'processing' : 'unpaid'
    const rule = payableOnline(offence)
    const payable = status === 'unpaid' && rule.payable
    const reason = status === 'paid' ? NOT_PAYABLE.paid : status === 'processing' ? NOT_PAYABLE.processing : rule.payable ? undefined : rule.reason
    out.push({
      id: violationId(plate, plateType, city, i),
      time,
      place: rng.pick(PLACES),
      behaviour: offence.behaviour,
      code: offence.code,
      fineFen: offence.fineFen,
      points: offence.points,
      status,
      payableOnline: payable,
      ...(reason ? { notPayableReason: reason } : {}),
      lawBasis: `《中华人民共和国道路交通安全法》第${rng.pick(['三十八', '四十二', '四十七', '五十一', '五十六', '九十'])}条`,
      authority: city.fullName + rng.pick(AUTHORITIES),
      ...(status === 'paid' ? { historicPaidAt: isoCst(Date.parse(time) + rng.int(1, 14) * DAY_MS) } : {}),
    })
    daysAgo += rng.int(7, 60)
  }
  return withPointsRule(out)
}

/**
 * A violation with points cannot be paid online once the vehicle's unhandled
 * points (those not paid, counted from the oldest) would reach 12: the
 * driver has to attend a traffic police window (full score, 满分学习).
 */
function withPointsRule(violations: GeneratedViolation[]): GeneratedViolation[] {
  let unhandled = 0
  // The newest (index 0) stays payable, so the simulation always has a fine to pay online.
  for (const v of violations.slice(1).reverse()) {
    if (v.status !== 'unpaid') continue
    unhandled += v.points
    if (v.payableOnline && v.points > 0 && unhandled >= 12) {
      v.payableOnline = false
      v.notPayableReason = NOT_PAYABLE.pointsFull
    }
  }
  return violations
}


export interface Licence {
  licenceClass: string
  points: number
  cycleStart: string
  cycleEnd: string
  validUntil: string
}

const shiftYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`

/**
 * The licence of an ID number, or undefined when the holder has none: the
 * birth date in the number is not a real date, or the holder is under 18.
 * Scoring cycles run from each anniversary of first issue.
 */
export function licenceOf(idNumber: string, nowMs: number): Licence | undefined {
  const birth = birthDateOf(idNumber)
  const today = dateCst(nowMs)
  if (!birth || shiftYears(birth, 18) > today) return undefined
  const rng = seeded('traffic-licence', idNumber)
  const firstYear = Math.max(Number(birth.slice(0, 4)) + 18, 1995)
  const lastYear = Number(today.slice(0, 4)) - 1
  const year = firstYear > lastYear ? lastYear : rng.int(firstYear, lastYear)
  // Day ≤ 28 keeps every anniversary a real date.
  let firstIssue = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
  if (firstIssue <= shiftYears(birth, 18)) firstIssue = addDays(shiftYears(birth, 18), 30)
  if (firstIssue > today) firstIssue = today
  let cycleStart = `${today.slice(0, 4)}${firstIssue.slice(4)}`
  if (cycleStart > today) cycleStart = shiftYears(cycleStart, -1)
  const cycleEnd = addDays(shiftYears(cycleStart, 1), -1)
  let validUntil = shiftYears(firstIssue, 6)
  while (validUntil < today) validUntil = shiftYears(validUntil, 10)
  return {
    licenceClass: rng.pick(['C1', 'C1', 'C1', 'C2', 'B2', 'A1']),
    points: rng.pick([0, 0, 0, 0, 1, 2, 3, 3, 4, 6, 9, 12]),
    cycleStart,
    cycleEnd,
    validUntil,
  }
}
