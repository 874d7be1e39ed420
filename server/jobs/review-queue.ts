import type { FastifyBaseLogger } from 'fastify'
import type { ReviewWorker } from '../modules/review/review-worker'
import { type Job, runEvery } from './run-every'

// Submissions kick the worker themselves; the poll picks up reviews queued by other processes.
const POLL_MS = 2000

/** Works through the review queue: takes back stale reviews once, then polls; stopping waits for the reviews under way. */
export function startReviewQueue(reviews: ReviewWorker, log: FastifyBaseLogger): Job {
  reviews.resume()
  const poll = runEvery('review queue', POLL_MS, log, async () => reviews.kick())
  return {
    async stop() {
      await poll.stop()
      await reviews.stop()
    },
  }
}
