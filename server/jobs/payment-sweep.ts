import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/db'
import type { Payments } from '../modules/payments/payment-service'
import { type Job, runEvery } from './run-every'

/**
 * Finishes payments a crash or a lost answer left half done, on the booking
 * sweep's interval (ONECITY_BOOKING_SWEEP_S): paid ones are fulfilled once the
 * service's agency answers, open ones are checked with the payment agency
 * (paid meanwhile, closed, or never created there).
 */
export function startPaymentSweep(payments: Payments, intervalMs: number, log: FastifyBaseLogger, db: Db): Job {
  return runEvery({ name: 'payment sweep', intervalMs, log, db }, () => payments.sweep(log))
}
