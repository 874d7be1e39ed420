import type { PaymentT } from '../api/payments'
import type { LicenceViewT, VehicleViolationsT, ViolationViewT } from '../api/traffic'
import { authedRequest } from './session'

const base = (serviceId: string) => `/v1/services/${encodeURIComponent(serviceId)}`
const vehiclePath = (serviceId: string, vehicleId: string) => `${base(serviceId)}/vehicles/${encodeURIComponent(vehicleId)}`

/** The violations of a bound vehicle at a traffic service, with the unpaid totals. */
export function getVehicleViolations(serviceId: string, vehicleId: string): Promise<VehicleViolationsT> {
  return authedRequest<VehicleViolationsT>(`${vehiclePath(serviceId, vehicleId)}/violations`)
}

/** One violation with its late fee, what paying costs now and the platform's payment for it, if any. */
export function getViolation(serviceId: string, vehicleId: string, violationId: string): Promise<ViolationViewT> {
  return authedRequest<ViolationViewT>(`${vehiclePath(serviceId, vehicleId)}/violations/${encodeURIComponent(violationId)}`)
}

/** The citizen's driving licence points and scoring cycle (needs 实名认证). */
export function getLicence(serviceId: string): Promise<LicenceViewT> {
  return authedRequest<LicenceViewT>(`${base(serviceId)}/licence`)
}

/**
 * Opens (or finds) the payment order for a fine. The server answers the same
 * open order to repeated calls, so a retry never creates a second one.
 */
export async function createViolationPayment(serviceId: string, vehicleId: string, violationId: string): Promise<PaymentT> {
  const body = await authedRequest<{ payment: PaymentT }>(
    `${vehiclePath(serviceId, vehicleId)}/violations/${encodeURIComponent(violationId)}/payments`,
    { method: 'POST', data: {} },
  )
  return body.payment
}
