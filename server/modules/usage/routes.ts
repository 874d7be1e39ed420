import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { UsageConfig } from '../../config'
import { ErrorBody, HttpError } from '../../errors'
import { createRateLimit } from './rate-limit'
import { UsageAnswerSchema, UsageBatchSchema } from '../../../src/api/usage'
import type { UsageService } from './usage-service'

/**
 * POST /v1/usage (04-platform.md): anonymous active records and interaction
 * events. The whole batch is checked before anything is counted; the answer
 * comes after the counts are committed and carries the server's month.
 */
export const usageRoutes: FastifyPluginAsyncTypebox<{ usage: UsageService; config: UsageConfig }> = async (app, { usage, config }) => {
  const limit = createRateLimit({ perMinute: config.ratePerMinute, burst: Math.max(10, Math.ceil(config.ratePerMinute / 6)) })
  // The busiest endpoint parses with plain JSON.parse, skipping the prototype-poisoning scan: every level
  // of its schema refuses unknown keys, so a `__proto__` key is refused (400) before anything reads it.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string))
    } catch {
      done(new HttpError(400, 'INVALID_JSON', 'The body is not valid JSON / 请求内容不是合法的 JSON'), undefined)
    }
  })

  app.post(
    '/v1/usage',
    {
      schema: {
        tags: ['usage'],
        summary: 'Anonymous usage: active records (one per scope and month, with returning/first) and interaction events; counted once per batch id',
        body: UsageBatchSchema,
        response: { 200: UsageAnswerSchema, 400: ErrorBody, 413: ErrorBody, 422: ErrorBody, 429: ErrorBody },
      },
      // The busiest endpoint, and anonymous: no line per request, only problems.
      logLevel: 'warn',
      // Before the body is read: a client over its rate costs nothing more.
      onRequest: (req, reply, done) => {
        const taken = limit.take(req.ip)
        if (taken.ok) return done()
        reply.header('retry-after', String(taken.retryAfterS))
        done(new HttpError(429, 'RATE_LIMITED', `Too many batches; retry in ${taken.retryAfterS} s / 发送过于频繁，请 ${taken.retryAfterS} 秒后重试`))
      },
    },
    async (req) => usage.accept(req.body),
  )
}
