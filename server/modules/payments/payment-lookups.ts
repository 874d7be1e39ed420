/**
 * The stored payments as the service modules read them (a violation's open
 * payment, a booking's fee): through here, not the payments repository.
 */
export { type PaymentRow, findOpenPayment, findPayment } from './repository'
