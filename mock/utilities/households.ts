import { createHash } from 'node:crypto'
import type { AccountPaymentT, ProviderT } from '../../server/contracts/utilities'
import { addMonths } from '../../src/domain/calendar-months'
import { addDays, atCst, isoCst } from '../shared/china-time'
import { hash32, seeded } from '../shared/seeded'
import type { TenantCity } from '../shared/tenant-city'

/**
 * The simulated households, derived from the company and the 户号 so the same
 * account always has the same holder and bills:
 * - a 户号 starting with 0 does not exist (0000000000 is the suite's unknown one);
 * - one ending in an odd digit owes its last 2 or 3 monthly bills;
 * - at the electricity company one ending in an even digit has a prepaid
 *   meter: its bills are settled from the balance, it is topped up in advance;
 * - other households owe the last month or nothing.
 * The bill of a month is issued on the 1st of the next and due on its 20th;
 * usage follows the seasons (air conditioning in summer, heating in winter).
 */

export const BILL_HISTORY_MONTHS = 36

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高']
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '桂兰', '建华']
const DISTRICTS = ['城区', '高新区', '经济开发区', '新区']
const ROADS = ['人民路', '长江路', '黄河路', '泰山路', '华山路', '岷江路', '天山路', '嘉陵江路']

/** Fen per unit: a flat tariff per kind (tiers left out). */
const TARIFF_FEN = { water: 365, electricity: 56, gas: 280 } as const

/** Monthly usage factors by calendar month (1–12): summer air conditioning, winter heating and hot water. */
const SEASON: Record<ProviderT['kind'], readonly number[]> = {
  water: [0.9, 0.85, 0.9, 0.95, 1.05, 1.2, 1.35, 1.35, 1.15, 1, 0.9, 0.9],
  electricity: [1.35, 1.3, 1.0, 0.85, 0.9, 1.35, 1.9, 1.95, 1.4, 0.9, 0.95, 1.25],
  gas: [2.2, 2.0, 1.5, 1.0, 0.7, 0.55, 0.5, 0.5, 0.6, 0.9, 1.4, 2.0],
}
const BASE_USAGE: Record<ProviderT['kind'], [number, number]> = { water: [8, 16], electricity: [150, 280], gas: [14, 28] }

export interface Household {
  holderName: string
  address: string
  maskedAddress: string
  accountKind: 'residential' | 'commercial'
  prepaid: boolean
  /** How many of the newest bills were not paid before the simulation started. */
  arrearsMonths: number
  /** Prepaid balance before any top-up through the simulation. */
  openingBalanceFen: number
}

export interface GeneratedBill {
  id: string
  month: string
  usage: number
  amountFen: number
  dueDate: string
  /** Paid before the simulation started: when and how. */
  historic?: { paidAt: string; channel: AccountPaymentT['channel']; receiptNo: string }
}

/** A 20-digit receipt number, stable for its parts. */
export function receiptNo(...parts: string[]): string {
  return BigInt('0x' + createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16))
    .toString()
    .padStart(20, '0')
    .slice(-20)
}

export function householdOf(provider: ProviderT, accountNo: string, city: TenantCity): Household | undefined {
  if (accountNo.startsWith('0')) return undefined
  const rng = seeded('utilities-household', provider.kind, accountNo)
  const lastOdd = Number(accountNo.at(-1)) % 2 === 1
  const prepaid = provider.prepaid && !lastOdd
  const district = rng.pick(DISTRICTS)
  const road = rng.pick(ROADS)
  const houseNo = `${rng.int(1, 399)}号${rng.int(1, 30)}栋${rng.int(1, 3)}单元${rng.int(1, 32)}0${rng.int(1, 4)}`
  return {
    holderName: rng.pick(SURNAMES) + rng.pick(GIVEN),
    address: `${city.fullName}${district}${road}${houseNo}`,
    maskedAddress: `${city.fullName}${district}${road}****`,
    accountKind: rng.chance(0.9) ? 'residential' : 'commercial',
    prepaid,
    arrearsMonths: prepaid ? 0 : lastOdd ? 2 + (hash32(accountNo) % 2) : rng.chance(0.3) ? 1 : 0,
    openingBalanceFen: prepaid ? rng.int(20, 300) * 100 : 0,
  }
}

/** The bills of the last BILL_HISTORY_MONTHS months before `currentMonth`, newest first. */
export function billsOf(provider: ProviderT, accountNo: string, household: Household, currentMonth: string): GeneratedBill[] {
  const base = seeded('utilities-base', provider.kind, accountNo).int(...BASE_USAGE[provider.kind])
  return Array.from({ length: BILL_HISTORY_MONTHS }, (_, i) => {
    const month = addMonths(currentMonth, -(i + 1))
    const rng = seeded('utilities-bill', provider.kind, accountNo, month)
    const usage = Math.max(0, Math.round(base * SEASON[provider.kind][Number(month.slice(5)) - 1]! * (0.9 + rng.next() * 0.2)))
    const dueDate = `${addMonths(month, 1)}-20`
    const id = `B${month.replace('-', '')}${createHash('sha256').update(`${provider.id}|${accountNo}|${month}`).digest('hex').slice(0, 14)}`
    const bill: GeneratedBill = { id, month, usage, amountFen: usage * TARIFF_FEN[provider.kind], dueDate }
    if (i < household.arrearsMonths) return bill
    const channel: AccountPaymentT['channel'] = household.prepaid ? 'prepaid' : rng.pick(['counter', 'bank', 'online'] as const)
    const paidDate = household.prepaid ? `${addMonths(month, 1)}-01` : addDays(dueDate, -rng.int(1, 15))
    return { ...bill, historic: { paidAt: isoCst(atCst(paidDate, `${10 + rng.int(0, 7)}:${String(rng.int(10, 59))}`)), channel, receiptNo: receiptNo(id, 'historic') } }
  })
}
