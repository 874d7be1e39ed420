import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { SecretBox } from '../../crypto/secret-box'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import { requireRole } from '../auth/require-role'
import type { CityService } from '../cities/service'
import { AgencyList } from '../../../src/api/agencies'
import { type Agency, createAgency, getAgencies } from './service'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }

export const agencyAdminRoutes: FastifyPluginAsyncTypebox<{ db: Db; cities: CityService; box: SecretBox }> = async (app, { db, cities, box }) => {
  const operatorOnly = requireRole(db, 'operator')

  app.post(
    '/v1/admin/agencies',
    {
      onRequest: operatorOnly,
      schema: {
        tags: ['admin'],
        summary: 'Create an agency with its region and allowed domains (operator)',
        security: [{ bearerAuth: [] }],
        body: Type.Ref('Agency'),
        response: {
          201: Type.Intersect([Type.Ref('Agency'), Type.Object({ signingSecret: Type.String({ description: 'HMAC secret for request signatures, shown this once' }) })]),
          ...errors,
          409: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await createAgency(db, cities, box, req.body as Agency)),
  )

  app.get(
    '/v1/admin/agencies',
    {
      onRequest: operatorOnly,
      schema: { tags: ['admin'], summary: 'All agencies (operator)', security: [{ bearerAuth: [] }], response: { 200: AgencyList, ...errors } },
    },
    async () => ({ agencies: await getAgencies(db) }),
  )
}
