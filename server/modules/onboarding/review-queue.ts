import type { Queryable } from '../../db/db'

/**
 * The quality review as onboarding drives it: a submission's review is
 * queued in the submission's own transaction, and the worker is kicked once
 * that has committed. The review worker is one (server/app.ts passes it in),
 * so onboarding does not import the review module, which reads submissions.
 */
export interface ReviewQueue {
  /** Queues a review of the submission; answers its id. 429 REVIEW_QUEUE_FULL when the agency has too many waiting. */
  enqueue(db: Queryable, review: { serviceId: string; submissionId: number; agencyId: string; trigger: 'submit' }): Promise<number>
  /** Something was queued and committed: start working now. */
  kick(): void
}
