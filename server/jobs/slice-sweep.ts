import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/db'
import { type Job, runEvery } from './run-every'

/** A service slice's sweep: what it settles that nobody looks at (server/slice.ts). */
export interface SliceSweep {
  name: string
  run: (log: FastifyBaseLogger) => Promise<unknown>
}

/**
 * Runs a slice's sweep on the platform's schedule (ONECITY_BOOKING_SWEEP_S),
 * e.g. the hospital's: expired unpaid numbers go back to their hospitals,
 * cancelled paid fees are refunded, and a fee-bearing booking a crash left
 * without its payment gets one (or its number back when it can no longer be paid).
 */
export function startSliceSweep(sweep: SliceSweep, intervalMs: number, log: FastifyBaseLogger, db: Db): Job {
  return runEvery({ name: `${sweep.name} sweep`, intervalMs, log, db }, () => sweep.run(log))
}
