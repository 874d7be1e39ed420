import type { FastifyBaseLogger } from 'fastify'
import type { ReviewWorker } from '../modules/review/review-worker'
import { type Job, runEvery } from './run-every'

const SCHEDULE_MS = 60_000

/** Queues a re-review of every listed service not reviewed within `intervalHours` (ONECITY_REVIEW_INTERVAL_H), checked every minute. */
export function startReviewSchedule(reviews: ReviewWorker, intervalHours: number, log: FastifyBaseLogger): Job {
  return runEvery('review schedule', SCHEDULE_MS, log, () => reviews.scheduleDue(intervalHours))
}
