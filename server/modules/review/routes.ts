import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import { requireRole } from '../auth/require-role'
import type { ReviewWorker } from './review-worker'
import { requestReview, reviewOfOwnService, reviewOfSubmission } from './service'

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
    async (req) => ({ review: await reviewOfOwnService(db, req.principal!.agencyId!, req.params.id) }),
  )

  app.get(
    '/v1/admin/submissions/:id/review',
    {
      onRequest: requireRole(db, 'operator'),
      schema: { tags: ['admin'], summary: 'The latest quality review of a submission', security, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: ReviewAnswer, ...errors } },
    },
    async (req) => ({ review: await reviewOfSubmission(db, req.params.id) }),
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
      const reviewId = await requestReview(db, reviews, req.principal!, req.params.id)
      return reply.code(202).send({ reviewId, status: 'queued' as const })
    },
  )
}
