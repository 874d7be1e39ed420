import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config'
import type { Db } from '../db/db'
import type { AgencyNetwork } from '../modules/gateway/agency-network'
import type { Payments } from '../modules/payments/payment-service'
import type { ReviewWorker } from '../modules/review/review-worker'
import type { UsageService } from '../modules/usage/usage-service'
import type { CitizenDeps } from '../modules/citizens/citizen-deps'
import { startMessageDelivery } from './message-delivery'
import { startPaymentSweep } from './payment-sweep'
import { startProbes } from './probes'
import { startReviewQueue } from './review-queue'
import { startReviewSchedule } from './review-schedule'
import type { Job } from './run-every'
import { type SliceSweep, startSliceSweep } from './slice-sweep'
import { startUsageBatchCleanup } from './usage-batch-cleanup'
import { startVisitReminders } from './visit-reminders'

export interface JobDeps {
  db: Db
  config: Config
  log: FastifyBaseLogger
  reviews: ReviewWorker
  /** The service slices' sweeps (server/slices.ts). */
  sweeps: readonly SliceSweep[]
  payments: Payments
  usage: UsageService
  /** Where the probes may connect (the configured address policy). */
  network: AgencyNetwork
  /** 消息: reminders and WeChat subscription messages. */
  citizens: CitizenDeps
}

/**
 * Starts every piece of the platform's background work (buildApp calls it;
 * each job runs once across the processes on one database: run-every.ts): the review queue and its re-review schedule, the
 * probes, the service slices' sweeps and the payment sweep, the usage batch-id cleanup, and
 * 消息's visit reminders and subscription-message delivery.
 * A zero interval in the configuration leaves that job off (tests drive the
 * schedule and the probes themselves). `stop` ends them all and waits for
 * their work under way, before the database closes.
 */
export function startJobs(d: JobDeps): Job {
  const sweepMs = d.config.citizen.bookingSweepSeconds * 1000
  const jobs: Job[] = [
    ...(d.config.review.intervalHours > 0 ? [startReviewSchedule(d.reviews, d.config.review.intervalHours, d.log, d.db)] : []),
    startReviewQueue(d.reviews, d.log, d.db),
    ...(d.config.review.probeIntervalS > 0 ? [startProbes({ db: d.db, intervalMs: d.config.review.probeIntervalS * 1000, log: d.log, network: d.network })] : []),
    ...d.sweeps.map((sweep) => startSliceSweep(sweep, sweepMs, d.log, d.db)),
    startPaymentSweep(d.payments, sweepMs, d.log, d.db),
    startUsageBatchCleanup(d.usage, d.log, d.db),
    startVisitReminders(d.citizens, d.log, d.db),
    ...[startMessageDelivery(d.citizens, d.log, d.db)].filter((job) => job !== undefined),
  ]
  return {
    async stop() {
      // In order: the schedule queues reviews, so it stops before the queue.
      for (const job of jobs) await job.stop()
    },
  }
}
