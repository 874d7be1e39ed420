import type { FastifyBaseLogger } from 'fastify'
import type { Bookings } from '../modules/hospital/service'
import { type Job, runEvery } from './run-every'

/**
 * Settles bookings nobody looks at (ONECITY_BOOKING_SWEEP_S): expired unpaid
 * numbers go back to their hospitals, cancelled paid fees are refunded, and a
 * fee-bearing booking a crash left without its payment gets one (or its
 * number back when it can no longer be paid).
 */
export function startBookingSweep(bookings: Bookings, intervalMs: number, log: FastifyBaseLogger): Job {
  return runEvery('booking sweep', intervalMs, log, () => bookings.sweep(log))
}
