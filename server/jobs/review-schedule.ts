import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/db'
import type { ReviewWorker } from '../modules/review/review-worker'
import { type Job, runEvery } from './run-every'

const SCHEDULE_MS = 60_000

/** Queues a re-review of every listed service not reviewed within `intervalHours` (ONECITY_REVIEW_INTERVAL_H), checked every minute. */
export function startReviewSchedule(reviews: ReviewWorker, intervalHours: number, log: FastifyBaseLogger, db: Db): Job {
  return runEvery({ name: 'review schedule', intervalMs: SCHEDULE_MS, log, db }, () => reviews.scheduleDue(intervalHours))
}
