import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../errors'
import type { HttpConfig } from './http-config'

const MINUTE = 60_000
// Client addresses remembered per limit; the least recently seen go first.
const CLIENTS = 100_000

const tooMany = (seconds: number) =>
  new HttpError(429, 'RATE_LIMITED', `Too many attempts from this address; retry in ${seconds} s / 尝试过于频繁，请 ${seconds} 秒后重试`)

/** A route's `config.rateLimit`: at most `perMinute` requests a minute per client address, then 429 with Retry-After. */
export function perAddressPerMinute(perMinute: number): RateLimitOptions {
  return { max: perMinute, timeWindow: MINUTE }
}

// A token or a console session. (A console sign-in is counted by the API call that checks its token.)
const carriesCredential = (request: FastifyRequest) => request.headers.authorization !== undefined || /(?:^|;\s*)oc_console=/.test(request.headers.cookie ?? '')
const isConsoleSignIn = (request: FastifyRequest) => request.method === 'POST' && (request.url === '/console/login' || request.url.startsWith('/console/login?'))

/**
 * Rate limits of 04-platform.md "Identity and abuse", per client address
 * (behind a trusted proxy, the real client's): routes opt in with
 * `config: { rateLimit: perAddressPerMinute(n) }` (citizen login, console
 * sign-in); and every answer 401 to a request that presented a credential
 * counts as a bad token: past `badTokensPerMinute`, every request from that
 * address presenting one is refused (429) until the minute is over, so
 * tokens cannot be guessed and a stolen list cannot be tried out.
 */
export async function registerAbuseLimits(app: FastifyInstance, http: HttpConfig): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    cache: CLIENTS,
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
    errorResponseBuilder: (_request, context) => tooMany(Math.ceil(context.ttl / 1000)),
  })
  const badTokens = app.createRateLimit({ max: http.badTokensPerMinute, timeWindow: MINUTE, keyGenerator: (request) => `bad-token ${request.ip}` })
  // Callback hooks: they run on every request, and nearly every one is let through at once without a promise.
  app.addHook('onRequest', (request, reply, done) => {
    if (!carriesCredential(request) && !isConsoleSignIn(request)) return done()
    badTokens(request, { increment: false }).then((seen) => {
      if (seen.isAllowed || seen.remaining > 0) return done()
      reply.header('retry-after', String(seen.ttlInSeconds))
      done(tooMany(seen.ttlInSeconds))
    }, done)
  })
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode !== 401 || !carriesCredential(request)) return done()
    badTokens(request).then(() => done(), done)
  })
}
