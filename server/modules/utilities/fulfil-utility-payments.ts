import { HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { FulfilmentRefused } from '../payments/fulfilment-refused'
import type { Fulfiller, PaidOrder } from '../payments/payment-service'
import { formatSubject } from '../payments/payment-subject'
import { findSubject } from './repository'
import { openAccountNo } from './sealed-account-no'
import { type UtilityCompany, utilityCompany } from './utility-company'

/** The company's answers at fulfilment that mean it will never record this payment: the citizen is refunded. */
const REFUSALS = new Set(['BILL_ALREADY_PAID', 'AMOUNT_MISMATCH', 'BILL_NOT_FOUND', 'ACCOUNT_NOT_FOUND', 'NOT_PREPAID', 'ORDER_CONFLICT'])

/** What the company is told about a paid order: its account and, for bills, which ones. */
interface PaidAt {
  company: UtilityCompany
  account: { providerId: string; accountNo: string }
  billIds: string[]
  paid: PaidOrder
}

/**
 * The fulfillers of 生活缴费's payment kinds (wired in server/app.ts): `bills`
 * tells the company which bills an order paid (payBills), `topup` tops the
 * prepaid meter up (topUp); both are idempotent by order id at the company.
 * When the company refuses for good (e.g. a bill was paid at the counter
 * after the order opened) they throw FulfilmentRefused, and the payments
 * module refunds the citizen.
 */
export function utilityFulfillers(deps: Pick<CitizenDeps, 'db' | 'box' | 'config' | 'network'>): { bills: Fulfiller; topup: Fulfiller } {
  const fulfiller =
    (record: (at: PaidAt) => Promise<{ receiptNo: string }>): Fulfiller =>
    async (paid, log) => {
      const subject = await findSubject(deps.db, formatSubject(paid.subject))
      if (!subject) throw new Error(`no utilities subject for ${paid.orderId}`)
      const company = await utilityCompany(deps, paid.serviceId, log)
      const account = { providerId: subject.provider_id, accountNo: openAccountNo(deps.box, subject.sealed) }
      try {
        return await record({ company, account, billIds: subject.bill_ids, paid })
      } catch (err) {
        if (!(err instanceof HttpError) || !REFUSALS.has(err.code)) throw err
        throw new FulfilmentRefused(err.code, err.code === 'BILL_ALREADY_PAID' ? '账单已在其他渠道缴纳' : '缴费单位未能入账')
      }
    }

  return {
    bills: fulfiller(({ company, account, billIds, paid }) =>
      company.call('payBills', { body: { ...account, billIds, orderId: paid.orderId, amountFen: paid.amountFen } }),
    ),
    topup: fulfiller(({ company, account, paid }) => company.call('topUp', { body: { ...account, orderId: paid.orderId, amountFen: paid.amountFen } })),
  }
}
