import type { FastifyReply, FastifyRequest } from 'fastify'

/** The cookie that holds the signed-in user's API token. */
export const SESSION_COOKIE = 'oc_console'

/**
 * Keeps the token in a cookie scripts cannot read (HttpOnly), that no other
 * site's page can send (SameSite=Strict), that only the console receives
 * (Path=/console), and that travels only over https when the console is
 * served over https. A browser-session cookie: closing the browser signs out.
 */
export function setSession(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/console', secure: request.protocol === 'https' })
}

export function clearSession(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/console' })
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] || undefined
}
