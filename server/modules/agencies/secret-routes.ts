import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { SecretBox } from '../../crypto/secret-box'
import type { Db, Queryable } from '../../db/db'
import { ErrorBody } from '../../errors'
import { requireRole } from '../auth/require-role'
import { RotateSecretQuery, RotatedSecret } from '../../../src/api/signing-secret'
import { rotateSigningSecret } from './service'

export interface SecretRouteOptions {
  db: Db
  box: SecretBox
  /** Appends to the audit log (the onboarding module keeps it; passed in so agencies does not depend on it). */
  audit: (db: Queryable, entry: { actor: string; action: string; subject: string; detail?: object }) => Promise<void>
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/** Signing-secret rotation: by an operator for any agency, by an agency for itself. */
export const signingSecretRoutes: FastifyPluginAsyncTypebox<SecretRouteOptions> = async (app, { db, box, audit }) => {
  const rotate = (agencyId: string, actor: string, hours: string) =>
    db.transaction(async (tx) => {
      const rotated = await rotateSigningSecret(tx, box, agencyId, Number(hours))
      await audit(tx, { actor, action: 'agency.rotate-secret', subject: agencyId, detail: { previousValidUntil: rotated.previousValidUntil } })
      return rotated
    })

  app.post(
    '/v1/admin/agencies/:id/signing-secret',
    {
      onRequest: requireRole(db, 'operator'),
      schema: {
        tags: ['admin'],
        summary: 'Rotate an agency’s signing secret (operator); the previous one verifies until previousValidUntil',
        security: [{ bearerAuth: [] }],
        params: Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) }),
        querystring: RotateSecretQuery,
        response: { 200: RotatedSecret, ...errors },
      },
    },
    async (req) => rotate(req.params.id, `operator:${req.principal!.tokenId}`, req.query.overlapHours),
  )

  app.post(
    '/v1/agency/signing-secret',
    {
      onRequest: requireRole(db, 'agency'),
      schema: {
        tags: ['agency'],
        summary: 'Rotate the calling agency’s own signing secret; the previous one verifies until previousValidUntil',
        security: [{ bearerAuth: [] }],
        querystring: RotateSecretQuery,
        response: { 200: RotatedSecret, ...errors },
      },
    },
    async (req) => rotate(req.principal!.agencyId!, `agency:${req.principal!.agencyId}`, req.query.overlapHours),
  )
}
