import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Role } from '../modules/auth/token'
import { apiErrorView } from './api-error-view'
import { loadConsoleUser } from './console-user'
import { labels } from './labels'
import { sendPage } from './send-page'
import { hasSessionCookie, sessionToken } from './session'
import { statusPage } from './status-page'

/**
 * A preHandler for console pages of one role: no session → the login page;
 * a session that expired, or whose token the API no longer accepts → the
 * session ends, then the login page; a
 * user of another role → a 403 page pointing to their own home. Otherwise
 * the user (with an API caller bound to their token) is on `request.consoleUser`.
 */
export function requireConsoleRole(role: Role) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = sessionToken(request)
    if (!token) {
      if (!hasSessionCookie(request)) return reply.redirect('/console/login', 303)
      await request.server.consoleSessions.end(request, reply)
      return reply.redirect('/console/login?expired=1', 303)
    }
    const result = await loadConsoleUser(request, token)
    if (!result) {
      await request.server.consoleSessions.end(request, reply)
      return reply.redirect('/console/login?expired=1', 303)
    }
    if (!result.ok) {
      return sendPage(reply, statusPage({ title: '暂时无法访问', text: '无法确认你的登录身份，请稍后重试。', body: apiErrorView(result.error) }), result.status)
    }
    const user = result.data
    if (user.role !== role) {
      const text = `此页面需要${labels.role(role)}权限，你当前以${labels.role(user.role)}身份登录。`
      return sendPage(reply, statusPage({ title: '无权访问此页面', text, user }), 403)
    }
    request.consoleUser = user
  }
}
