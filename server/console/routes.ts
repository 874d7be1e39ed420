import fastifyCookie from '@fastify/cookie'
import fastifyFormbody from '@fastify/formbody'
import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify'
import type { Db } from '../db/db'
import { perAddressPerMinute } from '../http/abuse-limits'
import type { HttpConfig } from '../http/http-config'
import { adminAgencyPages } from './admin-agency-pages'
import { adminAuditPage } from './admin-audit-page'
import { adminSubmissionPages } from './admin-submission-pages'
import { adminTokenPages } from './admin-token-pages'
import { agencyPages } from './agency-pages'
import { analystPage } from './analyst-page'
import { ratingPages } from './rating-pages'
import { apiErrorView } from './api-error-view'
import { ROLE_HOME, loadConsoleUser } from './console-user'
import { field, type FormBody } from './form-fields'
import { loginPage } from './login-page'
import { isPublicHost, isSameOrigin } from './same-origin'
import { sendPage } from './send-page'
import { consoleSessions, sessionToken } from './session'
import { statusPage } from './status-page'
import { CONSOLE_CSS } from './styles'

const hide = { schema: { hide: true } }

// Pages show tokens, signing secrets and agencies' data: never cached, never
// framed, no scripts at all, styles only from our own stylesheet.
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
}

/**
 * The web console (register with prefix /console): server-rendered pages over
 * the platform's own JSON API, called in-process with the signed-in user's
 * token. Works without JavaScript; every form post must come from this origin.
 */
export interface ConsoleOptions {
  db: Db
  http: HttpConfig
  /** The platform's public origin (ONECITY_PUBLIC_URL); without it only loopback hosts reach the console. */
  publicUrl: string | undefined
}

export const consoleRoutes: FastifyPluginAsync<ConsoleOptions> = async (app, { db, http, publicUrl }) => {
  // Both plugins are scoped to the console: the JSON API keeps accepting JSON only, and ignores cookies.
  await app.register(fastifyCookie)
  await app.register(fastifyFormbody)

  const sessions = consoleSessions(db, { idleMinutes: http.consoleIdleMinutes, maxHours: http.consoleMaxHours }, publicUrl?.startsWith('https:') ?? false)
  app.decorate('consoleSessions', sessions)

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS)
    // A console reached under another name (DNS rebinding, a look-alike host) is not this console.
    if (!isPublicHost(request, publicUrl)) {
      return sendPage(reply, statusPage({ title: '请求被拒绝', text: '请通过控制台的正式地址访问。' }), 421)
    }
    if (request.method === 'POST' && !isSameOrigin(request)) {
      return sendPage(reply, statusPage({ title: '请求被拒绝', text: '此表单不是从本站页面提交的（缺少同源的 Origin 或 Referer），为安全起见已拒绝。请从控制台页面重新操作。' }), 403)
    }
    await sessions.resume(request)
  })
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
  })

  // Failures of the console itself (oversized form, wrong content type, a bug) are pages too, never JSON or a stack.
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500
    if (status >= 500) request.log.error({ err }, 'console page failed')
    const retryAfter = reply.getHeader('retry-after')
    const text =
      status === 413 ? '提交的内容太大（上限 64 KB）。' : status === 429 ? `尝试过于频繁，请 ${String(retryAfter ?? 60)} 秒后重试。` : status >= 500 ? '服务器开小差了，请稍后重试。' : '请求无法处理。'
    const error = { code: err.code ?? `HTTP_${status}`, message: status >= 500 ? '内部错误' : err.message, details: [] }
    return sendPage(reply, statusPage({ title: '出错了', text, body: apiErrorView(error, '错误') }), status)
  })
  const notFound = (_request: unknown, reply: FastifyReply) => sendPage(reply, statusPage({ title: '找不到页面', text: '控制台中没有这个页面。' }), 404)
  app.setNotFoundHandler(notFound)
  // The H5 app's static files answer every other GET path (`/*`), and their not-found is the API's JSON: a GET of an unknown
  // console page is caught here first (any named console route is more specific than this one).
  app.get('/*', hide, notFound)

  app.get('/console.css', hide, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(CONSOLE_CSS),
  )

  app.get('/', hide, async (request, reply) => {
    const token = sessionToken(request)
    const user = token ? await loadConsoleUser(request, token) : undefined
    return reply.redirect(user?.ok ? ROLE_HOME[user.data.role] : '/console/login', 303)
  })

  app.get<{ Querystring: { expired?: string; out?: string } }>('/login', hide, async (request, reply) => {
    const message = request.query.expired ? '登录已失效（令牌可能已被吊销），请重新登录。' : request.query.out ? '你已退出登录。' : undefined
    return sendPage(reply, loginPage(message ? { message, error: Boolean(request.query.expired) } : {}))
  })

  app.post('/login', { ...hide, config: { rateLimit: perAddressPerMinute(http.consoleSignInPerMinute) } }, async (request, reply) => {
    const token = field(request.body as FormBody, 'token').trim()
    if (!token) return sendPage(reply, loginPage({ message: '请填写访问令牌。', error: true }), 400)
    const user = await loadConsoleUser(request, token)
    if (!user) return sendPage(reply, loginPage({ message: '令牌无效或已被吊销，请检查后重试。', error: true }), 401)
    if (!user.ok) return sendPage(reply, loginPage({ message: `暂时无法登录：${user.error.message}`, error: true }), user.status)
    // A session signed in before (another user on this browser) ends first.
    await sessions.end(request, reply)
    await sessions.start(request, reply, { token, tokenId: user.data.tokenId })
    return reply.redirect(ROLE_HOME[user.data.role], 303)
  })

  app.post('/logout', hide, async (request, reply) => {
    await sessions.end(request, reply)
    return reply.redirect('/console/login?out=1', 303)
  })

  await app.register(agencyPages)
  await app.register(adminSubmissionPages)
  await app.register(adminAgencyPages)
  await app.register(adminTokenPages)
  await app.register(adminAuditPage)
  await app.register(analystPage)
  await app.register(ratingPages)
}
