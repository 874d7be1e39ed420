import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type Static, Type } from 'typebox'
import type { Db } from '../../db/db'
import type { Role } from './token'
import { ErrorBody } from '../../errors'
import { requireRole } from './require-role'
import { CreateTokenBody, CreatedToken, TokenIdParams, TokenList } from '../../../src/api/auth'
import { createToken, getTokens, revokeLiveToken, tokenLabel } from './service'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }

const WhoAmI = Type.Object({
  role: Type.Union([Type.Literal('agency'), Type.Literal('operator'), Type.Literal('analyst')]),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  tokenId: Type.String({ description: 'public id of the calling token' }),
  label: Type.String(),
  agency: Type.Union(
    [Type.Object({ id: Type.String(), name: Type.String(), region: Type.String(), domains: Type.Array(Type.String()) }), Type.Null()],
    { description: 'for agency tokens: the agency, so a client can offer only its region and domains' },
  ),
})

/** Looks up the agency of an agency token for whoami (the agencies module does: passed in, so auth does not depend on it). */
export type AgencyLookup = (agencyId: string) => Promise<Static<typeof WhoAmI>['agency'] | undefined>

export const tokenAdminRoutes: FastifyPluginAsyncTypebox<{ db: Db; findAgency: AgencyLookup; ttlDays: Record<Role, number> }> = async (app, { db, findAgency, ttlDays }) => {
  const operatorOnly = requireRole(db, 'operator')
  const security = [{ bearerAuth: [] }]

  app.get(
    '/v1/whoami',
    {
      onRequest: requireRole(db, 'agency', 'operator', 'analyst'),
      schema: { tags: ['auth'], summary: 'Who the calling token belongs to (any valid token)', security, response: { 200: WhoAmI, 401: ErrorBody } },
    },
    async (req) => {
      const { tokenId, role, agencyId } = req.principal!
      const [label, agency] = await Promise.all([tokenLabel(db, tokenId), agencyId ? findAgency(agencyId) : undefined])
      return { role, agencyId, tokenId, label, agency: agency ?? null }
    },
  )

  app.post(
    '/v1/admin/tokens',
    {
      onRequest: operatorOnly,
      schema: {
        tags: ['admin'],
        summary: 'Issue a token for an agency, operator or analyst (operator); the token is shown once',
        security,
        body: CreateTokenBody,
        response: { 201: CreatedToken, ...errors, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => reply.code(201).send(await createToken(db, { ...req.body, expiresInDays: req.body.expiresInDays ?? ttlDays[req.body.role] })),
  )

  app.get(
    '/v1/admin/tokens',
    { onRequest: operatorOnly, schema: { tags: ['admin'], summary: 'All tokens, without secrets (operator)', security, response: { 200: TokenList, ...errors } } },
    async () => ({ tokens: await getTokens(db) }),
  )

  app.delete(
    '/v1/admin/tokens/:id',
    {
      onRequest: operatorOnly,
      schema: { tags: ['admin'], summary: 'Revoke a token (operator)', security, params: TokenIdParams, response: { 204: Type.Null({ description: 'revoked' }), ...errors, 404: ErrorBody } },
    },
    async (req, reply) => {
      await revokeLiveToken(db, req.params.id)
      return reply.code(204).send(null)
    },
  )
}
