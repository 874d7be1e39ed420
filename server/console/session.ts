import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/db'
import { type ConsoleSessionLimits, endConsoleSession, resumeConsoleSession, startConsoleSession } from '../modules/console-sessions/service'

/** The cookie that holds the console session's id (never the API token). */
export const SESSION_COOKIE = 'oc_console'

declare module 'fastify' {
  interface FastifyRequest {
    /** The API token of the request's live console session, set by the console's session hook. */
    consoleToken?: string
  }
  interface FastifyInstance {
    consoleSessions: ConsoleSessions
  }
}

/** Server-side console sessions (issue 16 finding 14): they expire, and end on logout. */
export interface ConsoleSessions {
  /** An onRequest hook: the token of the cookie's live session on `request.consoleToken`. */
  resume(request: FastifyRequest): Promise<void>
  /** Signs in: a new session for a token the API accepted, its id in the cookie. */
  start(request: FastifyRequest, reply: FastifyReply, token: { token: string; tokenId: string }): Promise<void>
  /** Signs out: the session ends on the server, the cookie is cleared. */
  end(request: FastifyRequest, reply: FastifyReply): Promise<void>
}

/**
 * The session id travels in a cookie scripts cannot read (HttpOnly), that no
 * other site's page can send (SameSite=Strict), that only the console
 * receives (Path=/console), and that is Secure when the console is reached
 * over https (directly, through a trusted proxy, or as the configured public
 * origin). A browser-session cookie; the server ends the session anyway when
 * it is idle too long or reaches its absolute end.
 */
export function consoleSessions(db: Db, limits: ConsoleSessionLimits, publicHttps: boolean): ConsoleSessions {
  return {
    async resume(request) {
      const id = request.cookies[SESSION_COOKIE]
      if (id) request.consoleToken = await resumeConsoleSession(db, id, limits)
    },
    async start(request, reply, token) {
      const id = await startConsoleSession(db, token, limits)
      reply.setCookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'strict', path: '/console', secure: publicHttps || request.protocol === 'https' })
    },
    async end(request, reply) {
      const id = request.cookies[SESSION_COOKIE]
      if (id) await endConsoleSession(db, id)
      request.consoleToken = undefined
      reply.clearCookie(SESSION_COOKIE, { path: '/console' })
    },
  }
}

/** The API token of the request's console session, if it has a live one. */
export function sessionToken(request: FastifyRequest): string | undefined {
  return request.consoleToken
}

/** Whether the request came with a session cookie at all (live or not). */
export function hasSessionCookie(request: FastifyRequest): boolean {
  return Boolean(request.cookies[SESSION_COOKIE])
}
