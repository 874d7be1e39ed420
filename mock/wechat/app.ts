import { createHash, randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { type SimulatedTemplate, registerSubscribeMessages } from './subscribe-messages'

/** The mini-program's credentials as the simulated WeChat knows them (the platform's config holds the same). */
export interface WechatOptions {
  appId: string
  appSecret: string
  now?: () => number
  /** The subscription message templates of the mini-program (its admin console); none by default. */
  templates?: readonly SimulatedTemplate[]
}

// wx.login codes live 5 minutes and work once (as WeChat documents).
const CODE_TTL_MS = 5 * 60_000

/**
 * The simulated WeChat login service. `POST /dev/login` stands in for
 * `wx.login` on a phone (a device asks for a code for a user); the platform
 * exchanges the code at `GET /sns/jscode2session` exactly as with WeChat:
 * query appid, secret, js_code, grant_type=authorization_code; the answer is
 * `{ openid, session_key }` or `{ errcode, errmsg }` (40029 invalid code,
 * 40163 code used, 40013 invalid appid, 40125 invalid secret). Also its
 * subscription messages (subscribe-messages.ts).
 */
export function registerWechat(scope: FastifyInstance, options: WechatOptions): void {
  const now = options.now ?? Date.now
  const codes = new Map<string, { user: string; issuedAt: number; used: boolean }>()
  // A stable openid per app and user, as WeChat gives one.
  const openidOf = (user: string) => 'o' + createHash('sha256').update(`${options.appId}|${user}`).digest('base64url').slice(0, 27)

  registerSubscribeMessages(scope, { appId: options.appId, appSecret: options.appSecret, templates: options.templates ?? [], openidOf, now })

  scope.post(
    '/dev/login',
    { schema: { body: Type.Object({ user: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) }, { additionalProperties: false }) } },
    async (req) => {
      // Forget expired codes, so a long-running simulation does not grow without bound.
      for (const [c, e] of codes) if (now() - e.issuedAt > CODE_TTL_MS) codes.delete(c)
      const code = randomBytes(24).toString('base64url')
      codes.set(code, { user: (req.body as { user: string }).user, issuedAt: now(), used: false })
      return { code }
    },
  )

  scope.get('/sns/jscode2session', async (req) => {
    const q = req.query as Record<string, string | undefined>
    if (q.appid !== options.appId) return { errcode: 40013, errmsg: 'invalid appid' }
    if (q.secret !== options.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' }
    const entry = q.js_code ? codes.get(q.js_code) : undefined
    if (q.grant_type !== 'authorization_code' || !entry || now() - entry.issuedAt > CODE_TTL_MS) return { errcode: 40029, errmsg: 'invalid code' }
    if (entry.used) return { errcode: 40163, errmsg: 'code been used' }
    entry.used = true
    return { openid: openidOf(entry.user), session_key: randomBytes(16).toString('base64') }
  })
}
