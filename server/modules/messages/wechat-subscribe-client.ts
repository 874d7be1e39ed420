import { sendPrepared } from '../gateway/agency-client'

export interface WechatApi {
  appId: string
  appSecret: string
  /** https://api.weixin.qq.com, or the simulated WeChat in development. */
  base: string
  timeoutMs: number
}

/** A subscription message as WeChat's subscribeMessage.send takes it. */
export interface SubscribeMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
}

/** sent; refused: 43101 (the citizen refused or has no quota left); failed: anything else (not retried). */
export type SendOutcome = { outcome: 'sent' } | { outcome: 'refused' } | { outcome: 'failed'; note: string }

// WeChat's codes for an access token that is invalid or expired: fetch a new one and send again (nothing was sent).
const TOKEN_CODES = new Set([40001, 40014, 42001])

/**
 * The platform's side of WeChat's subscription messages: an access token
 * from `POST /cgi-bin/stable_token` (stable: one server process refreshing
 * it does not invalidate another's), kept until 5 minutes before it
 * expires, and `POST /cgi-bin/message/subscribe/send?access_token=…`.
 */
export function createSubscribeClient(api: () => WechatApi | undefined, now = Date.now) {
  let token: { value: string; until: number; base: string } | undefined

  async function post(url: string, body: unknown, timeoutMs: number) {
    const target = new URL(url)
    const answer = await sendPrepared({ method: 'POST', url: target.href, target: target.pathname + target.search, bodyText: JSON.stringify(body) }, {}, { timeoutMs, maxBytes: 64 * 1024 })
    return { answer, json: (answer.json ?? {}) as { errcode?: number; errmsg?: string; access_token?: string; expires_in?: number } }
  }

  async function accessToken(w: WechatApi, force: boolean): Promise<string | undefined> {
    if (!force && token && token.base === w.base && token.until > now()) return token.value
    const { json } = await post(`${w.base}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: w.appId, secret: w.appSecret, force_refresh: force }, w.timeoutMs)
    if (typeof json.access_token !== 'string') return undefined
    token = { value: json.access_token, until: now() + Math.max(0, (json.expires_in ?? 7200) - 300) * 1000, base: w.base }
    return token.value
  }

  return {
    /** Sends one subscription message; a token WeChat no longer accepts is renewed once. */
    async send(message: SubscribeMessage): Promise<SendOutcome> {
      const w = api()
      if (!w) return { outcome: 'failed', note: 'WeChat is not configured' }
      for (const force of [false, true]) {
        const value = await accessToken(w, force)
        if (!value) return { outcome: 'failed', note: 'no access token from WeChat' }
        const { answer, json } = await post(`${w.base}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(value)}`, message, w.timeoutMs)
        if (answer.failure) return { outcome: 'failed', note: answer.note }
        if (json.errcode === 0) return { outcome: 'sent' }
        if (json.errcode === 43101) return { outcome: 'refused' }
        if (!TOKEN_CODES.has(json.errcode ?? -1)) return { outcome: 'failed', note: `WeChat errcode ${json.errcode ?? '?'}` }
        token = undefined
      }
      return { outcome: 'failed', note: 'WeChat refused the access token twice' }
    },
  }
}

export type SubscribeClient = ReturnType<typeof createSubscribeClient>
