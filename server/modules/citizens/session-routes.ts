import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorBody, HttpError } from '../../errors'
import type { CitizenDeps } from './citizen-deps'
import { hashSessionToken, newSessionToken, requireCitizen, sessionTokenOf } from './citizen-session'
import { findOrCreateCitizen, insertSession, revokeSession } from './repository'
import { Session, SessionRequest, SimulatedCode, SimulatedCodeRequest } from './schemas'
import { exchangeCode, simulatedLoginCode } from './wechat-client'

const errors = { 400: ErrorBody, 401: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/** Login (wx.login code → session) and logout. The openid is never stored, only a keyed hash of it. */
export const sessionRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, { db, lookup, config, links }) => {
  const wechatBase = () => {
    const base = links.wechatBase()
    if (!base) throw new HttpError(503, 'WECHAT_UNAVAILABLE', 'WeChat login is not configured / 微信登录暂不可用')
    return base
  }

  if (!config.wechat.apiBase) {
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
      async (req) => ({ code: await simulatedLoginCode(wechatBase(), req.body.user, config.citizen.agencyTimeoutMs) }),
    )
  }

  app.post(
    '/v1/sessions',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Log in with a wx.login code: the platform exchanges it with WeChat (code2Session) for a session token',
        body: SessionRequest,
        response: { 201: Session, ...errors },
      },
    },
    async (req, reply) => {
      const openid = await exchangeCode({ appId: config.wechat.appId, appSecret: config.wechat.appSecret, base: wechatBase() }, req.body.code, config.citizen.agencyTimeoutMs)
      const citizenId = await findOrCreateCitizen(db, lookup('wechat-openid', openid))
      const { token, hash } = newSessionToken()
      const expiresAt = new Date(Date.now() + config.citizen.sessionTtlHours * 3_600_000)
      await insertSession(db, hash, citizenId, expiresAt)
      return reply.code(201).send({ token, expiresAt: expiresAt.toISOString() })
    },
  )

  app.delete(
    '/v1/sessions/current',
    {
      onRequest: requireCitizen(db),
      schema: { tags: ['citizen'], summary: 'Log out: the session token stops working at once', security: [{ citizenSession: [] }], response: { 204: Type.Null(), 401: ErrorBody } },
    },
    async (req, reply) => {
      await revokeSession(db, hashSessionToken(sessionTokenOf(req.headers.authorization)!))
      return reply.code(204).send(null)
    },
  )
}
