import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/db'
import type { ReviewWorker } from '../modules/review/review-worker'
import { type Job, runEvery } from './run-every'

// Submissions kick their own process's worker; the poll (one process at a time) picks up reviews queued
// by the others. Each review is claimed with FOR UPDATE SKIP LOCKED, so it runs once whoever drains.
const POLL_MS = 2000

/** Works through the review queue: takes back stale reviews once, then polls; stopping waits for the reviews under way. */
export function startReviewQueue(reviews: ReviewWorker, log: FastifyBaseLogger, db: Db): Job {
  reviews.resume()
  const poll = runEvery({ name: 'review queue', intervalMs: POLL_MS, log, db }, async () => reviews.kick())
  return {
    async stop() {
      await poll.stop()
      await reviews.stop()
    },
  }
}
