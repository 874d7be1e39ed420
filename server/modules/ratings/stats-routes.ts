import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { addMonths } from '../../../src/domain/calendar-months'
import { toCsv } from '../../../src/domain/csv'
import { chinaMonthOf } from '../../../src/domain/downtime'
import type { Db } from '../../db/db'
import { ErrorBody, HttpError } from '../../errors'
import { requireRole } from '../auth/require-role'
import { SatisfactionAnswer, SatisfactionQuery } from '../../../src/api/ratings'
import type { RatingService } from './service'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 422: ErrorBody }

// CSV when asked for (`?format=csv` or `Accept: text/csv`), as every /v1/stats endpoint.
function wantsCsv(req: FastifyRequest): boolean {
  const { format } = req.query as { format?: string }
  return format === 'csv' || (format !== 'json' && /\btext\/csv\b/.test(req.headers.accept ?? ''))
}

const LABELS = { service: '服务', agency: '部门', domain: '领域', city: '城市' } as const

/** Analysts: 好差评 satisfaction per service, agency, domain or city, small cells withheld (03-index.md). */
export const ratingStatsRoutes: FastifyPluginAsyncTypebox<{ db: Db; ratings: RatingService; k: number }> = async (app, { db, ratings, k }) => {
  app.get(
    '/v1/stats/satisfaction',
    {
      onRequest: requireRole(db, 'analyst'),
      schema: {
        tags: ['stats'],
        summary: '好差评 satisfaction per service, agency, domain or city: ratings, share satisfied (4–5), mean level; withheld below k. Default: the last 12 months up to this one',
        security: [{ bearerAuth: [] }],
        querystring: SatisfactionQuery,
        response: { 200: SatisfactionAnswer, ...errors },
      },
    },
    async (req, reply) => {
      const to = req.query.to ?? chinaMonthOf(Date.now())
      const from = req.query.from ?? addMonths(to, -11)
      if (from > to) throw new HttpError(422, 'BAD_PERIOD', 'from is after to / 起始月份晚于结束月份', [{ path: 'querystring.from', message: '起始月份不能晚于结束月份' }])
      const by = req.query.by ?? 'service'
      const answer = await ratings.satisfaction(by, { from, to }, k)
      if (!wantsCsv(req)) return answer
      const pct = (x: number | null) => (x === null ? '' : Math.round(x * 1000) / 10)
      const rows: (string | number | null)[][] = [
        [LABELS[by], '代码', '评价数', '满意率(%)', '平均分', '已隐去'],
        ...answer.rows.map((r) => [r.name, r.key, r.ratings ?? '', pct(r.satisfiedShare), r.mean ?? '', r.suppressed ? '是' : '否']),
      ]
      return (reply as FastifyReply)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="onecity-satisfaction-${by}-${from}-${to}.csv"`)
        .send(toCsv(rows))
    },
  )
}
