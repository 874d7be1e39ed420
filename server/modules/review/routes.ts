import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { QUALITY_CHECKS } from '../../../src/domain/quality-stars'
import type { Db } from '../../db/db'
import { ErrorBody, HttpError } from '../../errors'
import { requireRole } from '../auth/require-role'
import { appendAudit, findSubmission, getAgencyService } from '../onboarding/submissions'
import { type ReviewRow, enqueueReview, latestReviewOfService, latestReviewOfSubmission } from './repository'
import type { ReviewWorker } from './review-worker'

const LABELS = new Map<string, string>(QUALITY_CHECKS.map((c) => [c.id, c.label]))
const withLabels = (review: ReviewRow | undefined) =>
  review ? { ...review, checks: review.checks?.map((c) => ({ ...c, label: LABELS.get(c.id) ?? c.id })) ?? null } : null

const ReviewAnswer = Type.Object({ review: Type.Union([Type.Ref('Review'), Type.Null()]) })
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const ServiceParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) })

/** Reading reviews (an agency its own, an operator any) and asking for a re-review. */
export const reviewRoutes: FastifyPluginAsyncTypebox<{ db: Db; reviews: ReviewWorker }> = async (app, { db, reviews }) => {
  const security = [{ bearerAuth: [] }]

  app.get(
    '/v1/agency/services/:id/review',
    {
      onRequest: requireRole(db, 'agency'),
      schema: { tags: ['agency'], summary: 'The latest quality review of one of your services: every check with its evidence', security, params: ServiceParams, response: { 200: ReviewAnswer, ...errors } },
    },
    async (req) => {
      if (!(await getAgencyService(db, req.principal!.agencyId!, req.params.id))) {
        throw new HttpError(404, 'SERVICE_NOT_FOUND', `You have no service ${req.params.id} / 找不到本机构的服务 ${req.params.id}`)
      }
      return { review: withLabels(await latestReviewOfService(db, req.params.id)) }
    },
  )

  app.get(
    '/v1/admin/submissions/:id/review',
    {
      onRequest: requireRole(db, 'operator'),
      schema: { tags: ['admin'], summary: 'The latest quality review of a submission', security, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: ReviewAnswer, ...errors } },
    },
    async (req) => {
      if (!(await findSubmission(db, req.params.id))) throw new HttpError(404, 'SUBMISSION_NOT_FOUND', `No submission ${req.params.id} / 找不到提交 ${req.params.id}`)
      return { review: withLabels(await latestReviewOfSubmission(db, req.params.id)) }
    },
  )

  app.post(
    '/v1/admin/submissions/:id/review',
    {
      onRequest: requireRole(db, 'operator'),
      schema: {
        tags: ['admin'],
        summary: 'Review a submission again (e.g. after the agency fixed its endpoint)',
        security,
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 202: Type.Object({ reviewId: Type.Integer(), status: Type.Literal('queued') }), ...errors },
      },
    },
    async (req, reply) => {
      const submission = await findSubmission(db, req.params.id)
      if (!submission) throw new HttpError(404, 'SUBMISSION_NOT_FOUND', `No submission ${req.params.id} / 找不到提交 ${req.params.id}`)
      if (submission.status !== 'in-review' && submission.status !== 'listed') {
        throw new HttpError(409, 'NOT_REVIEWABLE', `Submission ${req.params.id} is ${submission.status} / 该提交已${submission.status === 'rejected' ? '驳回' : '被新提交取代'}，无需复审`)
      }
      const reviewId = await db.transaction(async (tx) => {
        const id = await enqueueReview(tx, { serviceId: submission.serviceId, submissionId: submission.id, trigger: 'manual' })
        await appendAudit(tx, { actor: `operator:${req.principal!.tokenId}`, action: 'service.review', subject: submission.serviceId, detail: { submissionId: submission.id, reviewId: id } })
        return id
      })
      reviews.kick()
      return reply.code(202).send({ reviewId, status: 'queued' as const })
    },
  )
}
