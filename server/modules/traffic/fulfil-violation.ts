import { trafficContract } from '../../contracts/traffic'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { agencyFor } from '../gateway/bound-agency'
import type { Fulfiller } from '../payments/payment-service'

/**
 * Fulfils a paid fine: tells the service's traffic police (traffic@1) that the
 * violation was paid by this order and answers their receipt (缴款书编号).
 * The police record a payment once per order id, so a retry is harmless.
 */
export function fulfilViolation(deps: Pick<CitizenDeps, 'db' | 'box' | 'config' | 'network'>): Fulfiller {
  return async (paid, log) => {
    const agency = await agencyFor(deps, paid.serviceId, trafficContract, log)
    const result = await agency.call('payViolation', { body: { violationId: paid.subject.id, orderId: paid.orderId, amountFen: paid.amountFen } })
    return { receiptNo: result.receiptNo }
  }
}
