import { QUALITY_CHECKS } from '../../../src/domain/quality-stars'
import type { Db, Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import type { Principal } from '../auth/token'
import { getOwnService, getSubmission, recordAudit } from '../onboarding/service'
import { type ReviewRow, enqueueReview, latestReviewOfService, latestReviewOfSubmission } from './repository'
import type { ReviewWorker } from './review-worker'

const LABELS = new Map<string, string>(QUALITY_CHECKS.map((c) => [c.id, c.label]))

/** A review as answered: every check with its Chinese label next to its id. */
const withLabels = (review: ReviewRow | undefined) =>
  review ? { ...review, checks: review.checks?.map((c) => ({ ...c, label: LABELS.get(c.id) ?? c.id })) ?? null } : null

/** The latest review of one of the agency's own services (another agency's: 404). */
export async function reviewOfOwnService(db: Queryable, agencyId: string, serviceId: string) {
  await getOwnService(db, agencyId, serviceId)
  return withLabels(await latestReviewOfService(db, serviceId))
}

/** The latest review of a submission (404 when there is no such submission). */
export async function reviewOfSubmission(db: Queryable, submissionId: number) {
  await getSubmission(db, submissionId)
  return withLabels(await latestReviewOfSubmission(db, submissionId))
}

/**
 * Queues another review of a submission that is in review or listed (409
 * otherwise), in the audit log, and starts the worker on it.
 */
export async function requestReview(db: Db, reviews: Pick<ReviewWorker, 'kick'>, principal: Principal, submissionId: number): Promise<number> {
  const submission = await getSubmission(db, submissionId)
  if (submission.status !== 'in-review' && submission.status !== 'listed') {
    throw new HttpError(409, 'NOT_REVIEWABLE', `Submission ${submissionId} is ${submission.status} / 该提交已${submission.status === 'rejected' ? '驳回' : '被新提交取代'}，无需复审`)
  }
  const reviewId = await db.transaction(async (tx) => {
    const id = await enqueueReview(tx, { serviceId: submission.serviceId, submissionId: submission.id, trigger: 'manual' })
    await recordAudit(tx, { actor: `operator:${principal.tokenId}`, action: 'service.review', subject: submission.serviceId, detail: { submissionId: submission.id, reviewId: id } })
    return id
  })
  reviews.kick()
  return reviewId
}
