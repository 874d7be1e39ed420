import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'

/** A template of the simulated mini-program's admin console: its id and the keywords its data must have. */
export interface SimulatedTemplate {
  id: string
  keywords: readonly string[]
}

/** What the simulated WeChat delivered to a phone, for tests and the dev console to look at. */
export interface DeliveredMessage {
  msgid: number
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
}

// Keyword value rules WeChat documents per keyword type (by the name's prefix).
const VALUE_RULES: readonly [RegExp, (v: string) => boolean][] = [
  [/^thing\d+$/, (v) => [...v].length >= 1 && [...v].length <= 20],
  [/^phrase\d+$/, (v) => /^[\u4e00-\u9fff]{1,5}$/.test(v)],
  [/^time\d+$/, (v) => /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/.test(v)],
  [/^character_string\d+$/, (v) => /^[A-Za-z0-9_-]{1,32}$/.test(v)],
  [/^amount\d+$/, (v) => /^\d+(\.\d{1,2})?元?$/.test(v)],
]

const ACCESS_TOKEN_TTL_S = 7200

/**
 * WeChat's one-time subscription messages (一次性订阅消息), simulated with the
 * real requests and error codes:
 * - `GET /cgi-bin/token?grant_type=client_credential&appid&secret` and
 *   `POST /cgi-bin/stable_token` → `{ access_token, expires_in }` (40013
 *   invalid appid, 40125 invalid secret, 40002 invalid grant_type);
 * - `POST /cgi-bin/message/subscribe/send?access_token=…` with touser,
 *   template_id, page, data → `{ errcode: 0, errmsg: 'ok', msgid }`; 40001
 *   invalid access token, 40003 invalid openid, 40037 invalid template id,
 *   47003 a keyword missing or its value invalid, 43101 the user refused or
 *   has no quota (each accept of the dialog allows one message).
 * `POST /dev/subscribe` stands in for the phone's requestSubscribeMessage
 * dialog (a user answers accept or reject per template); `GET /dev/messages`
 * lists what was delivered.
 */
export function registerSubscribeMessages(
  scope: FastifyInstance,
  o: { appId: string; appSecret: string; templates: readonly SimulatedTemplate[]; openidOf: (user: string) => string; now: () => number },
): void {
  const tokens = new Map<string, number>()
  // Quota per openid and template: one per accept, used by a send.
  const quota = new Map<string, number>()
  const delivered: DeliveredMessage[] = []
  const templates = new Map(o.templates.map((t) => [t.id, t]))
  let msgid = 1_000_000

  const issue = (appid: unknown, secret: unknown, grant: unknown) => {
    if (grant !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' }
    if (appid !== o.appId) return { errcode: 40013, errmsg: 'invalid appid' }
    if (secret !== o.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' }
    for (const [t, until] of tokens) if (until <= o.now()) tokens.delete(t)
    const token = randomBytes(48).toString('base64url')
    tokens.set(token, o.now() + ACCESS_TOKEN_TTL_S * 1000)
    return { access_token: token, expires_in: ACCESS_TOKEN_TTL_S }
  }

  scope.get('/cgi-bin/token', async (req) => {
    const q = req.query as Record<string, string | undefined>
    return issue(q.appid, q.secret, q.grant_type)
  })
  scope.post('/cgi-bin/stable_token', async (req) => {
    const b = (req.body ?? {}) as Record<string, unknown>
    return issue(b.appid, b.secret, b.grant_type)
  })

  scope.post('/cgi-bin/message/subscribe/send', async (req) => {
    const token = (req.query as Record<string, string | undefined>).access_token
    const until = token ? tokens.get(token) : undefined
    if (!until || until <= o.now()) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
    const b = (req.body ?? {}) as Partial<DeliveredMessage>
    if (typeof b.touser !== 'string' || !/^o[A-Za-z0-9_-]{27}$/.test(b.touser)) return { errcode: 40003, errmsg: 'invalid openid' }
    const template = typeof b.template_id === 'string' ? templates.get(b.template_id) : undefined
    if (!template) return { errcode: 40037, errmsg: 'invalid template_id' }
    const data = b.data && typeof b.data === 'object' ? b.data : {}
    for (const keyword of template.keywords) {
      const value = (data as Record<string, { value?: unknown }>)[keyword]?.value
      const rule = VALUE_RULES.find(([name]) => name.test(keyword))?.[1]
      if (typeof value !== 'string' || (rule && !rule(value))) return { errcode: 47003, errmsg: `argument invalid! data.${keyword}.value invalid` }
    }
    const key = `${b.touser}|${template.id}`
    const left = quota.get(key) ?? 0
    if (left <= 0) return { errcode: 43101, errmsg: 'user refuse to accept the msg' }
    quota.set(key, left - 1)
    const message: DeliveredMessage = { msgid: ++msgid, touser: b.touser, template_id: template.id, ...(b.page ? { page: b.page } : {}), data: data as DeliveredMessage['data'] }
    delivered.push(message)
    return { errcode: 0, errmsg: 'ok', msgid: message.msgid }
  })

  scope.post(
    '/dev/subscribe',
    {
      schema: {
        body: Type.Object(
          {
            user: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
            choices: Type.Record(Type.String(), Type.Union([Type.Literal('accept'), Type.Literal('reject'), Type.Literal('ban')])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const { user, choices } = req.body as { user: string; choices: Record<string, 'accept' | 'reject' | 'ban'> }
      const openid = o.openidOf(user)
      // As requestSubscribeMessage answers: each template id with its choice, errMsg ok.
      const answer: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' }
      for (const [id, choice] of Object.entries(choices)) {
        if (!templates.has(id)) continue
        const key = `${openid}|${id}`
        quota.set(key, choice === 'accept' ? (quota.get(key) ?? 0) + 1 : 0)
        answer[id] = choice
      }
      return answer
    },
  )

  scope.get('/dev/messages', async (req) => {
    const user = (req.query as Record<string, string | undefined>).user
    const openid = user ? o.openidOf(user) : undefined
    return { messages: delivered.filter((m) => !openid || m.touser === openid) }
  })
}
