import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorBody } from '../../errors'
import type { CitizenDeps } from './citizen-deps'
import { citizenOf, requireCitizen } from './citizen-session'
import { describeCitizen, verifyIdentity } from './identity-service'
import { listRecords } from './records-service'
import { IdentityRequest, Me, RecordList } from '../../../src/api/citizens'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }

/** 我的: real-name status, 实名认证 against the identity agency, 办事记录. */
export const meRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, deps) => {
  app.addHook('onRequest', requireCitizen(deps.db))

  app.get(
    '/v1/me',
    { schema: { tags: ['citizen'], summary: 'The citizen: real-name status (masked) and how many vehicles are bound', security, response: { 200: Me, ...errors } } },
    async (req) => describeCitizen(deps, citizenOf(req)),
  )

  app.post(
    '/v1/me/identity',
    {
      schema: {
        tags: ['citizen'],
        summary: '实名认证: name and ID number, checked locally (GB 11643) and then by the identity agency; stored encrypted, answered masked',
        security,
        body: IdentityRequest,
        response: { 200: Type.Object({ identity: Type.Ref('Identity') }), ...errors, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody },
      },
    },
    async (req) => ({ identity: await verifyIdentity(deps, citizenOf(req), req.body, req.log) }),
  )

  app.get(
    '/v1/me/records',
    { schema: { tags: ['citizen'], summary: '办事记录: what the citizen did through any service, newest first', security, response: { 200: RecordList, ...errors } } },
    async (req) => ({ records: await listRecords(deps.db, citizenOf(req)) }),
  )
}
