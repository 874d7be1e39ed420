import { trafficContract } from '../../contracts/traffic'
import { HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { agencyFor } from '../gateway/bound-agency'
import { FulfilmentRefused } from '../payments/fulfilment-refused'
import type { Fulfiller } from '../payments/payment-service'

/**
 * The police's answers at fulfilment that mean they will never record this
 * paid order, each with the reason on the citizen's refund record: without
 * this a fine the police do not know stayed paid-but-unrecorded for ever,
 * retried on every sweep, and the citizen could neither get the money back
 * nor pay again (issue 16, finding 17).
 */
const REFUSALS: Readonly<Record<string, string>> = {
  VIOLATION_NOT_FOUND: '交管部门未查到该违法记录',
  ALREADY_PAID: '该违法已在其他渠道缴款',
  NOT_PAYABLE_ONLINE: '该违法不支持网上缴款',
  AMOUNT_MISMATCH: '缴款金额与应缴金额不符',
  ORDER_CONFLICT: '交管部门未能入账',
}

/**
 * Fulfils a paid fine: tells the service's traffic police (traffic@1) that the
 * violation was paid by this order and answers their receipt (缴款书编号).
 * The police record a payment once per order id, so a retry is harmless; an
 * answer that they never will (REFUSALS) refunds the citizen.
 */
export function fulfilViolation(deps: Pick<CitizenDeps, 'db' | 'box' | 'config' | 'network'>): Fulfiller {
  return async (paid, log) => {
    const agency = await agencyFor(deps, paid.serviceId, trafficContract, log)
    try {
      const result = await agency.call('payViolation', { body: { violationId: paid.subject.id, orderId: paid.orderId, amountFen: paid.amountFen } })
      return { receiptNo: result.receiptNo }
    } catch (err) {
      const reason = err instanceof HttpError ? REFUSALS[err.code] : undefined
      if (reason) throw new FulfilmentRefused((err as HttpError).code, reason)
      throw err
    }
  }
}
