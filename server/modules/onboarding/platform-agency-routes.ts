import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import { requireRole } from '../auth/require-role'
import { PLATFORM_CONTRACTS, designatePlatformAgency, getPlatformAgencies } from './platform-agencies'

const Designation = Type.Object({
  contract: Type.String({ description: 'identity@1 (实名核验) or payment@1 (支付)' }),
  serviceId: Type.String(),
  designatedBy: Type.String({ description: 'operator:<token id>, or demo:seed in development' }),
  designatedAt: Type.String(),
})
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/** Operators designate the platform's own identity and payment agencies (02-services.md). */
export const platformAgencyRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const operatorOnly = requireRole(db, 'operator')
  const security = [{ bearerAuth: [] }]

  app.get(
    '/v1/admin/platform-agencies',
    {
      onRequest: operatorOnly,
      schema: { tags: ['admin'], summary: 'The designated platform agencies (identity@1, payment@1)', security, response: { 200: Type.Object({ agencies: Type.Array(Designation) }), ...errors } },
    },
    async () => ({ agencies: await getPlatformAgencies(db) }),
  )

  app.put(
    '/v1/admin/platform-agencies',
    {
      onRequest: operatorOnly,
      schema: {
        tags: ['admin'],
        summary: 'Designate the platform’s identity or payment agency: a listed national service of that contract (audited)',
        security,
        body: Type.Object(
          {
            contract: Type.Union(PLATFORM_CONTRACTS.map((c) => Type.Literal(c))),
            serviceId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Designation, ...errors },
      },
    },
    async (req) => designatePlatformAgency(db, `operator:${req.principal!.tokenId}`, req.body.contract, req.body.serviceId),
  )
}
