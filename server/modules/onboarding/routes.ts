import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import { requireRole } from '../auth/require-role'
import type { AgencyNetwork } from '../gateway/agency-network'
import type { ReviewQueue } from './review-queue'
import { getAgencyServices, getOwnService, submitManifest } from './service'

const AgencyService = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.String({ description: 'draft, in-review, listed, rejected or suspended' }),
  stars: Type.Union([Type.Integer(), Type.Null()]),
  domain: Type.String(),
  coverage: Type.Ref('Coverage'),
  updatedAt: Type.String(),
  submission: Type.Union([
    Type.Object({
      id: Type.Integer(),
      status: Type.String({ description: 'in-review, listed, rejected or superseded' }),
      submittedAt: Type.String(),
      decidedAt: Type.Union([Type.String(), Type.Null()], { description: 'when an operator listed or rejected it' }),
      reasons: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'the operator’s reasons, when rejected' }),
    }),
    Type.Null(),
  ], { description: 'the latest submission and where it stands' }),
  review: Type.Union([Type.Ref('ReviewSummary'), Type.Null()], { description: 'the latest review of the latest submission' }),
  flagged: Type.Boolean({ description: 'listed, but its last three reviews failed' }),
})
const Submitted = Type.Object({
  serviceId: Type.String(),
  submissionId: Type.Integer(),
  reviewId: Type.Integer({ description: 'the quality review queued for it: GET /v1/agency/services/{id}/review' }),
  status: Type.Literal('in-review'),
  created: Type.Boolean(),
})

const errors = { 401: ErrorBody, 403: ErrorBody }

export const agencyServiceRoutes: FastifyPluginAsyncTypebox<{ db: Db; reviews: ReviewQueue; network: AgencyNetwork }> = async (app, { db, reviews, network }) => {
  const agencyOnly = requireRole(db, 'agency')
  const security = [{ bearerAuth: [] }]

  app.post(
    '/v1/agency/services',
    {
      onRequest: agencyOnly,
      schema: {
        tags: ['agency'],
        summary: 'Submit a service manifest (new service or a change); its quality review is queued',
        description:
          'The body is a ServiceManifest (see components). Every problem is answered at once with 422, each with its JSON path; ' +
          'listing outside the agency’s domains or region is 403; an agency with too many submissions waiting for review gets 429 REVIEW_QUEUE_FULL. ' +
          'The endpoint must be an origin with an optional path (no query, fragment or user info); in production https to a public address only.',
        security,
        body: Type.Unknown({ description: 'ServiceManifest' }),
        response: {
          201: Submitted,
          200: Submitted,
          ...errors,
          409: ErrorBody,
          422: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const result = await submitManifest(db, reviews, req.principal!, req.body, network)
      reviews.kick()
      return reply.code(result.created ? 201 : 200).send(result)
    },
  )

  app.get(
    '/v1/agency/services',
    { onRequest: agencyOnly, schema: { tags: ['agency'], summary: 'The calling agency’s own services', security, response: { 200: Type.Object({ services: Type.Array(AgencyService) }), ...errors } } },
    async (req) => ({ services: await getAgencyServices(db, req.principal!.agencyId!) }),
  )

  app.get(
    '/v1/agency/services/:id',
    {
      onRequest: agencyOnly,
      schema: {
        tags: ['agency'],
        summary: 'One of the calling agency’s services with its latest manifest (another agency’s: 404)',
        security,
        params: Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) }),
        response: { 200: Type.Intersect([AgencyService, Type.Object({ manifest: Type.Union([Type.Ref('ServiceManifest'), Type.Null()]) })]), ...errors, 404: ErrorBody },
      },
    },
    async (req) => getOwnService(db, req.principal!.agencyId!, req.params.id),
  )
}
