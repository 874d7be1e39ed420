import type { FastifyInstance } from 'fastify'

const signedIn = new WeakMap<FastifyInstance, Map<string, string>>()

/**
 * The Cookie header of a console session for a token, signed in through the
 * login form as a browser would (once per app and token): the cookie holds a
 * session id, never the token.
 */
export async function consoleCookie(app: FastifyInstance, token: string): Promise<string> {
  const cookies = signedIn.get(app) ?? new Map<string, string>()
  signedIn.set(app, cookies)
  const known = cookies.get(token)
  if (known) return known
  const res = await app.inject({
    method: 'POST',
    url: '/console/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    payload: new URLSearchParams({ token }).toString(),
  })
  const session = res.cookies.find((c) => c.name === 'oc_console')
  if (res.statusCode !== 303 || !session) throw new Error(`console sign-in failed: HTTP ${res.statusCode}`)
  const cookie = `oc_console=${session.value}`
  cookies.set(token, cookie)
  return cookie
}
