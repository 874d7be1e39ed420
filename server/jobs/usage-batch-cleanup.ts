import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/db'
import type { UsageService } from '../modules/usage/usage-service'
import { type Job, runEvery } from './run-every'

// A phone resends a batch within 7 days: its id is kept 8, then forgotten.
const KEEP_DAYS = 8
const HOUR_MS = 3600_000

/** Forgets usage batch ids older than the resend window, hourly. */
export function startUsageBatchCleanup(usage: UsageService, log: FastifyBaseLogger, db: Db): Job {
  return runEvery({ name: 'usage batch-id cleanup', intervalMs: HOUR_MS, log, db }, () => usage.forgetOldBatchIds(KEEP_DAYS))
}
