import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AgencyStatsAnswer, AgencyStatsParams, AgencyStatsQuery } from '../../../src/api/agency-stats'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import { requireRole } from '../auth/require-role'
import { type RatingMonths, getAgencyServiceFigures } from './agency-figures-service'
import { csvTables } from './csv-tables'
import { sendCsv, wantsCsv } from './routes'
import type { StatsService } from './stats-service'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody }

/** An agency's figures of its own services (02-services.md), in JSON or CSV; another agency's service is 404. */
export const agencyStatsRoutes: FastifyPluginAsyncTypebox<{ db: Db; stats: StatsService; ratingsOf: RatingMonths }> = async (app, { db, stats, ratingsOf }) => {
  app.get(
    '/v1/agency/services/:id/stats',
    {
      onRequest: requireRole(db, 'agency'),
      schema: {
        tags: ['agency'],
        summary: 'Figures of one of your services per month: actives and return rate, interactions and latency, failure rate with the probe history; small counts withheld',
        security: [{ bearerAuth: [] }],
        params: AgencyStatsParams,
        querystring: AgencyStatsQuery,
        response: { 200: AgencyStatsAnswer, ...errors },
      },
    },
    async (req, reply) => {
      const figures = await getAgencyServiceFigures(db, stats, ratingsOf, req.principal!.agencyId!, req.params.id, req.query)
      if (wantsCsv(req)) return sendCsv(reply, `service-${figures.service.id}`, figures, csvTables.agencyService(figures.rows))
      return figures
    },
  )
}
