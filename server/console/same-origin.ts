import type { FastifyRequest } from 'fastify'

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

/**
 * Whether a form post comes from a page of this server: its Origin (or, when
 * a browser sends none, its Referer) names the host the request was sent to.
 * SameSite=Strict already keeps the cookie off cross-site posts; this is the
 * second lock (defence in depth). A post with neither header is refused.
 */
export function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin
  const referer = request.headers.referer
  const claimed = origin && origin !== 'null' ? hostOf(origin) : referer ? hostOf(referer) : undefined
  // URL normalises both sides the same way (default ports dropped, lower case).
  const own = hostOf(`${request.protocol}://${request.host}`)
  return claimed !== undefined && own !== undefined && claimed === own
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/**
 * Whether the request was sent to the console's public origin (the host of
 * ONECITY_PUBLIC_URL); without one configured (development), any loopback
 * host and port. Behind a trusted proxy the host is the one it forwards.
 */
export function isPublicHost(request: FastifyRequest, publicUrl: string | undefined): boolean {
  if (publicUrl === undefined) {
    const hostname = hostOf(`http://${request.host}`)?.replace(/:\d+$/, '')
    return hostname !== undefined && LOOPBACK.test(hostname)
  }
  const own = new URL(publicUrl)
  return hostOf(`${own.protocol}//${request.host}`) === own.host
}
