import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorBody } from '../../errors'
import { perAddressPerMinute } from '../../http/abuse-limits'
import type { CitizenDeps } from './citizen-deps'
import { requireCitizen, sessionTokenOf } from './citizen-session'
import { Session, SessionRequest, SimulatedCode, SimulatedCodeRequest } from '../../../src/api/citizens'
import { logIn, logOut, simulatedCode } from './session-service'

const errors = { 400: ErrorBody, 401: ErrorBody, 429: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/** Login (wx.login code → session) and logout. The openid is kept only sealed (WeChat Pay's payer), found by a keyed hash of it. */
export const sessionRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, deps) => {
  if (!deps.config.wechat.apiBase) {
    app.post(
      '/v1/sessions/simulated-code',
      {
        schema: {
          tags: ['citizen'],
          summary: 'Development only: a login code from the simulated WeChat (what wx.login gives a phone); the H5 app uses it',
          body: SimulatedCodeRequest,
          response: { 200: SimulatedCode, ...errors },
        },
      },
      async (req) => ({ code: await simulatedCode(deps, req.body.user) }),
    )
  }

  app.post(
    '/v1/sessions',
    {
      // Each login costs a call to WeChat: per client address, no more than configured (429 with Retry-After).
      config: { rateLimit: perAddressPerMinute(deps.config.http.loginPerMinute) },
      schema: {
        tags: ['citizen'],
        summary: 'Log in with a wx.login code: the platform exchanges it with WeChat (code2Session) for a session token',
        body: SessionRequest,
        response: { 201: Session, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await logIn(deps, req.body.code)),
  )

  app.delete(
    '/v1/sessions/current',
    {
      onRequest: requireCitizen(deps.db),
      schema: { tags: ['citizen'], summary: 'Log out: the session token stops working at once', security: [{ citizenSession: [] }], response: { 204: Type.Null(), 401: ErrorBody } },
    },
    async (req, reply) => {
      await logOut(deps, sessionTokenOf(req.headers.authorization)!)
      return reply.code(204).send(null)
    },
  )
}
