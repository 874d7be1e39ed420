import { operation } from '../../contracts/common'
import { operations as trafficOperations } from '../../contracts/traffic'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { listedService } from '../gateway/agency-targets'
import { callOperation } from '../gateway/call-operation'
import type { Fulfiller } from '../payments/payment-service'

const payViolation = operation(trafficOperations, 'payViolation')

/**
 * Fulfils a paid fine: tells the service's traffic police (traffic@1) that the
 * violation was paid by this order and answers their receipt (缴款书编号).
 * The police record a payment once per order id, so a retry is harmless.
 */
export function fulfilViolation({ db, box, config }: Pick<CitizenDeps, 'db' | 'box' | 'config'>): Fulfiller {
  return async (paid, log) => {
    const agency = await listedService(db, box, paid.serviceId, 'traffic@1')
    const body = { violationId: paid.subject.id, orderId: paid.orderId, amountFen: paid.amountFen }
    const result = await callOperation(agency, payViolation, { body, timeoutMs: config.citizen.agencyTimeoutMs, log })
    return { receiptNo: result.receiptNo }
  }
}
