import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { operation } from '../../server/contracts/common'
import { strict } from '../../src/api/common'
import {
  MAX_BILL_MONTHS,
  UTILITIES_ERRORS,
  operations,
  type AccountPaymentT,
  type BillT,
  type PayBillsResultT,
  type ProviderT,
  type TopUpResultT,
} from '../../server/contracts/utilities'
import { ErrorBody } from '../../server/errors'
import { maskName, maskTail } from '../../src/domain/mask'
import { monthText } from '../../src/domain/calendar-months'
import { utilityLateFeeFen } from '../../src/domain/utility-late-fee'
import { type AgencyApp, type AgencyOptions, type AgencyScope, createAgencyApp, fail, implement } from '../shared/agency-app'
import { dateCst, isoCst, monthCst } from '../shared/china-time'
import { checkMonthRange } from '../shared/month-range'
import { cityOfTenant } from '../shared/tenant-city'
import { type GeneratedBill, type Household, billsOf, householdOf, receiptNo } from './households'
import { providersOf } from './providers'

export type UtilitiesAgencyOptions = AgencyOptions

/**
 * Outside the contract, on the simulated companies only: a payment made at a
 * counter (营业厅) meanwhile, so tests can show what happens to a bill paid
 * elsewhere. Signed like every request to the tenant, so only its holders of
 * the secret can use it; the conformance suite never calls it.
 */
export const COUNTER_PAYMENT_PATH = '/v1/simulate/counter-payment'

interface Paid {
  paidAt: string
  channel: AccountPaymentT['channel']
  receiptNo: string
  months: string[]
  amountFen: number
}

interface Order {
  fingerprint: string
  result: PayBillsResultT | TopUpResultT
}

/**
 * The simulated water, electricity and gas companies of the tenant's city
 * implementing utilities@1. Households and their bills come from the 户号
 * (households.ts); payments, top-ups and counter payments are kept in memory:
 * a bill is paid at most once, and an orderId always gets its first answer.
 */
export function registerUtilitiesAgency(scope: AgencyScope, options: UtilitiesAgencyOptions): void {
  const now = options.now ?? Date.now
  const city = cityOfTenant(options.tenantId, 'utilities')
  const providers = providersOf(city)
  const paidBills = new Map<string, Paid>()
  const payments = new Map<string, Paid[]>()
  const orders = new Map<string, Order>()
  const balances = new Map<string, number>()

  const providerOf = (providerId: string): ProviderT => {
    const found = providers.find((p) => p.id === providerId)
    if (!found) throw fail(UTILITIES_ERRORS, 'PROVIDER_NOT_FOUND', `No company ${providerId} in ${city.name} / 未找到该缴费单位`)
    return found
  }
  const accountOf = (body: { providerId: string; accountNo: string }) => {
    const provider = providerOf(body.providerId)
    const household = householdOf(provider, body.accountNo, city)
    if (!household) {
      throw fail(UTILITIES_ERRORS, 'ACCOUNT_NOT_FOUND', `No account ${maskTail(body.accountNo)} at ${provider.name} / 未查询到该户号，请核对缴费单位和户号`, [
        { path: 'body.accountNo', message: 'check the 户号 on a bill / 请对照纸质账单核对户号' },
      ])
    }
    const key = `${provider.id}|${body.accountNo}`
    return { provider, household, key, accountNo: body.accountNo }
  }
  const balanceOf = (key: string, household: Household) => balances.get(key) ?? household.openingBalanceFen

  /** A generated bill as it stands now: paid through this simulation, historically, or owing a late fee. */
  const billView = (provider: ProviderT, bill: GeneratedBill): BillT => {
    const paid = paidBills.get(bill.id)
    const base = { id: bill.id, month: bill.month, usage: bill.usage, unit: provider.unit, amountFen: bill.amountFen, dueDate: bill.dueDate }
    if (paid) return { ...base, status: 'paid', lateFeeFen: 0, paidAt: paid.paidAt }
    if (bill.historic) return { ...base, status: 'paid', lateFeeFen: 0, paidAt: bill.historic.paidAt }
    return { ...base, status: 'unpaid', lateFeeFen: utilityLateFeeFen(bill.amountFen, bill.dueDate, dateCst(now())) }
  }
  const billsNow = (a: ReturnType<typeof accountOf>) => billsOf(a.provider, a.accountNo, a.household, monthCst(now())).map((b) => billView(a.provider, b))

  /** Marks the bills paid in one step (no await between check and record: concurrent requests cannot both pass). */
  const record = (a: ReturnType<typeof accountOf>, bills: BillT[], paid: Omit<Paid, 'months' | 'amountFen'>, amountFen: number) => {
    const entry: Paid = { ...paid, months: bills.map((b) => b.month).sort(), amountFen }
    for (const b of bills) paidBills.set(b.id, entry)
    payments.set(a.key, [...(payments.get(a.key) ?? []), entry])
  }

  const alreadyPaid = (bill: BillT) =>
    fail(UTILITIES_ERRORS, 'BILL_ALREADY_PAID', `The bill of ${bill.month} is already paid / ${monthText(bill.month)}的账单已在其他渠道缴纳，本次未扣款，请刷新账单后重新选择`, [
      { path: 'body.billIds', message: `${bill.id} is paid` },
    ])

  implement(scope, operation(operations, 'listProviders'), () => ({ providers }))

  implement(scope, operation(operations, 'verifyAccount'), ({ body }) => {
    const a = accountOf(body)
    return {
      providerId: a.provider.id,
      accountNo: maskTail(a.accountNo),
      holderName: maskName(a.household.holderName),
      address: a.household.maskedAddress,
      accountKind: a.household.accountKind,
      prepaid: a.household.prepaid,
      ...(a.household.prepaid ? { balanceFen: balanceOf(a.key, a.household) } : {}),
    }
  })

  implement(scope, operation(operations, 'listBills'), ({ body }) => {
    const a = accountOf(body)
    const months = new Set(checkMonthRange(body.from, body.to, monthCst(now()), MAX_BILL_MONTHS))
    const bills = billsNow(a).filter((b) => months.has(b.month))
    const unpaid = bills.filter((b) => b.status === 'unpaid')
    const unpaidAmountFen = unpaid.reduce((s, b) => s + b.amountFen, 0)
    const lateFeeFen = unpaid.reduce((s, b) => s + b.lateFeeFen, 0)
    return { bills, summary: { unpaidCount: unpaid.length, unpaidAmountFen, lateFeeFen, totalDueFen: unpaidAmountFen + lateFeeFen } }
  })

  implement(scope, operation(operations, 'payBills'), ({ body }) => {
    const fingerprint = `bills|${body.providerId}|${body.accountNo}|${[...body.billIds].sort().join(',')}|${body.amountFen}`
    const previous = orders.get(body.orderId)
    if (previous) {
      if (previous.fingerprint !== fingerprint) throw fail(UTILITIES_ERRORS, 'ORDER_CONFLICT', `Order ${body.orderId} was already used for another payment / 该订单号已用于其他缴费`)
      return previous.result as PayBillsResultT
    }
    const a = accountOf(body)
    const all = billsNow(a)
    const bills = body.billIds.map((id) => {
      const bill = all.find((b) => b.id === id)
      if (!bill) throw fail(UTILITIES_ERRORS, 'BILL_NOT_FOUND', `No bill ${id} for this account / 未找到该账单`, [{ path: 'body.billIds', message: `unknown bill ${id}` }])
      return bill
    })
    const paid = bills.find((b) => b.status === 'paid')
    if (paid) throw alreadyPaid(paid)
    const due = bills.reduce((s, b) => s + b.amountFen + b.lateFeeFen, 0)
    if (body.amountFen !== due) {
      throw fail(UTILITIES_ERRORS, 'AMOUNT_MISMATCH', `The amount due is ${due} fen, not ${body.amountFen} / 应缴金额为 ${(due / 100).toFixed(2)} 元（含违约金）`, [
        { path: 'body.amountFen', message: `expected ${due}` },
      ])
    }
    const result: PayBillsResultT = { orderId: body.orderId, billIds: body.billIds, amountFen: due, status: 'paid', paidAt: isoCst(now()), receiptNo: receiptNo(a.key, body.orderId) }
    record(a, bills, { paidAt: result.paidAt, channel: 'online', receiptNo: result.receiptNo }, due)
    orders.set(body.orderId, { fingerprint, result })
    return result
  })

  implement(scope, operation(operations, 'topUp'), ({ body }) => {
    const fingerprint = `top-up|${body.providerId}|${body.accountNo}|${body.amountFen}`
    const previous = orders.get(body.orderId)
    if (previous) {
      if (previous.fingerprint !== fingerprint) throw fail(UTILITIES_ERRORS, 'ORDER_CONFLICT', `Order ${body.orderId} was already used for another payment / 该订单号已用于其他缴费`)
      return previous.result as TopUpResultT
    }
    const a = accountOf(body)
    if (!a.household.prepaid) throw fail(UTILITIES_ERRORS, 'NOT_PREPAID', 'This account has no prepaid meter / 该户号不是预付费表，无需充值，请按账单缴费')
    const balanceFen = balanceOf(a.key, a.household) + body.amountFen
    balances.set(a.key, balanceFen)
    const result: TopUpResultT = { orderId: body.orderId, amountFen: body.amountFen, balanceFen, status: 'paid', paidAt: isoCst(now()), receiptNo: receiptNo(a.key, body.orderId) }
    payments.set(a.key, [...(payments.get(a.key) ?? []), { paidAt: result.paidAt, channel: 'online', receiptNo: result.receiptNo, months: [], amountFen: body.amountFen }])
    orders.set(body.orderId, { fingerprint, result })
    return result
  })

  implement(scope, operation(operations, 'listPayments'), ({ body }) => {
    const a = accountOf(body)
    const historic = billsOf(a.provider, a.accountNo, a.household, monthCst(now())).flatMap((b): AccountPaymentT[] =>
      b.historic ? [{ receiptNo: b.historic.receiptNo, kind: 'bills', amountFen: b.amountFen, paidAt: b.historic.paidAt, channel: b.historic.channel, months: [b.month] }] : [],
    )
    const recent = (payments.get(a.key) ?? []).map((p): AccountPaymentT => ({ receiptNo: p.receiptNo, kind: p.months.length ? 'bills' : 'top-up', amountFen: p.amountFen, paidAt: p.paidAt, channel: p.channel, months: p.months }))
    return { payments: [...recent, ...historic].sort((x, y) => Date.parse(y.paidAt) - Date.parse(x.paidAt)) }
  })

  scope.withTypeProvider<TypeBoxTypeProvider>().post(
    COUNTER_PAYMENT_PATH,
    {
      schema: {
        body: Type.Object({ providerId: Type.String(), accountNo: Type.String({ pattern: '^[0-9]{6,16}$' }), billIds: Type.Array(Type.String(), { minItems: 1 }) }, strict),
        response: { 200: Type.Object({ receiptNo: Type.String() }, strict), '4xx': ErrorBody },
      },
    },
    async (req) => {
      const a = accountOf(req.body)
      const all = billsNow(a)
      const found = req.body.billIds.map((id) => all.find((b) => b.id === id))
      if (found.some((b) => !b)) throw fail(UTILITIES_ERRORS, 'BILL_NOT_FOUND', 'No such bill / 未找到该账单')
      const bills = found as BillT[]
      const paid = bills.find((b) => b.status === 'paid')
      if (paid) throw alreadyPaid(paid)
      const amountFen = bills.reduce((s, b) => s + b.amountFen + b.lateFeeFen, 0)
      const receipt = receiptNo(a.key, 'counter', ...req.body.billIds)
      record(a, bills, { paidAt: isoCst(now()), channel: 'counter', receiptNo: receipt }, amountFen)
      return { receiptNo: receipt }
    },
  )
}

/** The utility companies as a standalone app, their operations at the root. */
export function buildUtilitiesAgency(options: UtilitiesAgencyOptions): AgencyApp {
  return createAgencyApp(registerUtilitiesAgency, options)
}
