import type { Db, Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import type { Principal } from '../auth/token'
import { appendAudit, applyListing, applyReviewToListing, decideSubmission, findSubmission, rejectServiceInReview, reviewOfSubmission, setServiceStatus } from './repository'

const actorOf = (p: Principal) => `operator:${p.tokenId}`

async function pendingSubmission(db: Queryable, id: number) {
  const submission = await findSubmission(db, id)
  if (!submission) throw new HttpError(404, 'SUBMISSION_NOT_FOUND', `No submission ${id} / 找不到提交 ${id}`)
  if (submission.status !== 'in-review') {
    throw new HttpError(409, 'ALREADY_DECIDED', `Submission ${id} is ${submission.status}, not in review / 该提交已处理（${submission.status}）`)
  }
  return submission
}

/**
 * Lists a submission: its manifest becomes the service's public listing in
 * every city it covers, with the stars of its review. Only a finished review
 * that passed (the endpoint answers and keeps its contract) allows it.
 */
export function listSubmission(db: Db, operator: Principal, id: number) {
  return db.transaction(async (tx) => {
    const submission = await pendingSubmission(tx, id)
    const review = await reviewOfSubmission(tx, id)
    if (!review || review.status === 'queued' || review.status === 'running') {
      throw new HttpError(409, 'REVIEW_PENDING', `Submission ${id} is still being reviewed; list it once the review is done / 质量审核尚未完成，完成后才能上架`)
    }
    if (!review.passed) {
      throw new HttpError(409, 'REVIEW_NOT_PASSED', `The review of submission ${id} failed (${review.stars ?? '–'} stars): the endpoint must answer, pass its contract and use an allowed transport before listing / 质量审核未通过（可用性、接口规范或传输安全不达标），不能上架`)
    }
    await applyListing(tx, submission.manifest)
    await decideSubmission(tx, id, 'listed', null)
    await applyReviewToListing(tx, id)
    await appendAudit(tx, { actor: actorOf(operator), action: 'service.list', subject: submission.serviceId, detail: { submissionId: id, reviewId: review.id, stars: review.stars } })
    return { submissionId: id, serviceId: submission.serviceId, status: 'listed' as const }
  })
}

/**
 * Rejects a submission with the reasons the agency will read. A service that
 * was never listed becomes `rejected`; a listed one keeps its current listing.
 */
export function rejectSubmission(db: Db, operator: Principal, id: number, reasons: string[]) {
  return db.transaction(async (tx) => {
    const submission = await pendingSubmission(tx, id)
    await decideSubmission(tx, id, 'rejected', reasons)
    await rejectServiceInReview(tx, submission.serviceId)
    await appendAudit(tx, { actor: actorOf(operator), action: 'service.reject', subject: submission.serviceId, detail: { submissionId: id, reasons } })
    return { submissionId: id, serviceId: submission.serviceId, status: 'rejected' as const }
  })
}

/** Takes a listed service out of every catalog, with the reason on record. */
export function suspendService(db: Db, operator: Principal, serviceId: string, reason: string) {
  return db.transaction(async (tx) => {
    const previous = await setServiceStatus(tx, serviceId, 'suspended')
    if (previous === undefined) throw new HttpError(404, 'SERVICE_NOT_FOUND', `No service ${serviceId} / 找不到服务 ${serviceId}`)
    if (previous !== 'listed') {
      throw new HttpError(409, 'NOT_LISTED', `Service ${serviceId} is ${previous}; only a listed service can be suspended / 只能暂停已上架的服务`)
    }
    await appendAudit(tx, { actor: actorOf(operator), action: 'service.suspend', subject: serviceId, detail: { reason } })
    return { serviceId, status: 'suspended' as const }
  })
}

/**
 * After a review of a submission: if it is the public listing, the listing
 * takes the review's stars, and is flagged once its last three reviews
 * failed. The review worker calls it when a review ends.
 */
export function applyReview(db: Queryable, submissionId: number): Promise<void> {
  return applyReviewToListing(db, submissionId)
}
