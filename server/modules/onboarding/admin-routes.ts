import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import { requireRole } from '../auth/require-role'
import { listSubmission, rejectSubmission, suspendService } from './decisions'
import { getAuditLog, getSubmission, getSubmissions } from './service'

const Submission = Type.Object({
  id: Type.Integer(),
  serviceId: Type.String(),
  agencyId: Type.String(),
  name: Type.String(),
  domain: Type.String(),
  contract: Type.String(),
  coverage: Type.Ref('Coverage'),
  status: Type.String(),
  submittedAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  reasons: Type.Union([Type.Array(Type.String()), Type.Null()]),
  review: Type.Union([Type.Ref('ReviewSummary'), Type.Null()], { description: 'its latest quality review; listing needs a passed one' }),
})
const SubmissionWithManifest = Type.Object({
  ...Submission.properties,
  manifest: Type.Ref('ServiceManifest', { description: 'the manifest as the agency submitted it' }),
})
const Decision = Type.Object({ submissionId: Type.Integer(), serviceId: Type.String(), status: Type.String() })
const SubmissionParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/** The operator's workflow: the review queue, list / reject / suspend, and the audit log. */
export const onboardingAdminRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const operatorOnly = requireRole(db, 'operator')
  const security = [{ bearerAuth: [] }]

  app.get(
    '/v1/admin/submissions',
    {
      onRequest: operatorOnly,
      schema: {
        tags: ['admin'],
        summary: 'Submissions by state, oldest first (the review queue: status=in-review)',
        security,
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('in-review'), Type.Literal('listed'), Type.Literal('rejected'), Type.Literal('superseded')])),
        }),
        response: { 200: Type.Object({ submissions: Type.Array(Submission) }), ...errors },
      },
    },
    async (req) => ({ submissions: await getSubmissions(db, req.query.status ?? 'in-review') }),
  )

  app.get(
    '/v1/admin/submissions/:id',
    {
      onRequest: operatorOnly,
      schema: { tags: ['admin'], summary: 'One submission in any state, with its manifest (operator)', security, params: SubmissionParams, response: { 200: SubmissionWithManifest, ...errors } },
    },
    async (req) => getSubmission(db, req.params.id),
  )

  app.post(
    '/v1/admin/submissions/:id/list',
    { onRequest: operatorOnly, schema: { tags: ['admin'], summary: 'List a submission whose review passed: it shows in every city it covers (409 REVIEW_PENDING / REVIEW_NOT_PASSED otherwise)', security, params: SubmissionParams, response: { 200: Decision, ...errors } } },
    async (req) => listSubmission(db, req.principal!, req.params.id),
  )

  app.post(
    '/v1/admin/submissions/:id/reject',
    {
      onRequest: operatorOnly,
      schema: {
        tags: ['admin'],
        summary: 'Reject a submission with the reasons the agency will read',
        security,
        params: SubmissionParams,
        body: Type.Object({ reasons: Type.Array(Type.String({ minLength: 2, maxLength: 200 }), { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
        response: { 200: Decision, ...errors },
      },
    },
    async (req) => rejectSubmission(db, req.principal!, req.params.id, req.body.reasons),
  )

  app.post(
    '/v1/admin/services/:id/suspend',
    {
      onRequest: operatorOnly,
      schema: {
        tags: ['admin'],
        summary: 'Suspend a listed service: it leaves every catalog',
        security,
        params: Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) }),
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ serviceId: Type.String(), status: Type.String() }), ...errors },
      },
    },
    async (req) => suspendService(db, req.principal!, req.params.id, req.body.reason),
  )

  app.get(
    '/v1/admin/audit',
    {
      onRequest: operatorOnly,
      schema: {
        tags: ['admin'],
        summary: 'The audit log, newest first',
        security,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: {
          200: Type.Object({
            entries: Type.Array(Type.Object({ id: Type.Integer(), at: Type.String(), actor: Type.String(), action: Type.String(), subject: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()) })),
          }),
          ...errors,
        },
      },
    },
    async (req) => ({ entries: await getAuditLog(db, req.query.limit ?? 100) }),
  )
}
