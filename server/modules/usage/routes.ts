import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { addMonths } from '../../../src/domain/calendar-months'
import type { UsageConfig } from '../../config'
import type { Db } from '../../db/db'
import { ErrorBody, HttpError } from '../../errors'
import { listCities } from '../cities/repository'
import { type KnownPlaces, batchProblems } from './check-batch'
import type { Ingestion } from './ingestion'
import { createRateLimit } from './rate-limit'
import { forgetOldBatchIds } from './repository'
import { UsageAnswerSchema, UsageBatchSchema } from './schemas'

/** Services appear while the server runs: an unknown id re-reads the list, at most this often. */
const SERVICES_REFRESH_MS = 10_000

/**
 * POST /v1/usage (04-platform.md): anonymous active records and interaction
 * events. The whole batch is checked before anything is counted; the answer
 * comes after the counts are committed and carries the server's month.
 */
export const usageRoutes: FastifyPluginAsyncTypebox<{ db: Db; ingestion: Ingestion; config: UsageConfig }> = async (app, { db, ingestion, config }) => {
  const limit = createRateLimit({ perMinute: config.ratePerMinute, burst: Math.max(10, Math.ceil(config.ratePerMinute / 6)) })
  const cities = await listCities(db)
  const places: KnownPlaces = { cities: new Set(cities.map((c) => c.code)), provinces: new Set(cities.map((c) => c.provinceCode)), services: new Set() }
  let servicesReadAt = 0
  const readServices = async () => {
    places.services = new Set((await db.query<{ id: string }>('SELECT id FROM services')).map((r) => r.id))
    servicesReadAt = Date.now()
  }
  await readServices()
  // Batch ids are kept 8 days (at least 7: a phone resends within that), then forgotten.
  const sweep = setInterval(() => void forgetOldBatchIds(db, 8).catch((err) => app.log.error({ err }, 'forgetting old batch ids failed')), 3600_000)
  sweep.unref()
  app.addHook('onClose', async () => clearInterval(sweep))

  app.post(
    '/v1/usage',
    {
      schema: {
        tags: ['usage'],
        summary: 'Anonymous usage: active records (one per scope and month, with returning/first) and interaction events; counted once per batch id',
        body: UsageBatchSchema,
        response: { 200: UsageAnswerSchema, 400: ErrorBody, 413: ErrorBody, 422: ErrorBody, 429: ErrorBody },
      },
      // Before the body is read: a client over its rate costs nothing more.
      onRequest: async (req, reply) => {
        const taken = limit.take(req.ip)
        if (!taken.ok) {
          reply.header('retry-after', String(taken.retryAfterS))
          throw new HttpError(429, 'RATE_LIMITED', `Too many batches; retry in ${taken.retryAfterS} s / 发送过于频繁，请 ${taken.retryAfterS} 秒后重试`)
        }
      },
    },
    async (req) => {
      const month = ingestion.month()
      let problems = batchProblems(req.body, month, addMonths(month, -1), places)
      if (problems.some((p) => p.code === 'UNKNOWN_SERVICE') && Date.now() - servicesReadAt > SERVICES_REFRESH_MS) {
        await readServices()
        problems = batchProblems(req.body, month, addMonths(month, -1), places)
      }
      if (problems.length > 0) {
        throw new HttpError(422, problems[0]!.code, `The batch was not counted: ${problems.length} problem(s) / 批次未计入：${problems.map((p) => p.message).slice(0, 3).join('；')}`, problems)
      }
      const { accepted, duplicates } = await ingestion.ingest(req.body)
      return { month, accepted, duplicates }
    },
  )
}
