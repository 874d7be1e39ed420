import type { FastifyPluginAsync } from 'fastify'
import { analystCsvRoutes } from './analyst-csv'
import { analystDomainsRoutes } from './analyst-domains'
import { analystLeapfrogRoutes } from './analyst-leapfrog'
import { analystOverviewRoutes } from './analyst-overview'
import { analystRankingRoutes } from './analyst-ranking'
import { analystReportRoutes } from './analyst-report'
import { analystWeightsRoutes } from './analyst-weights'
import { requireConsoleRole } from './require-console-role'

/**
 * The analyst's pages (routes.ts registers this under /console): each page
 * reads the statistics API as the signed-in analyst and renders a pure view
 * of the answers. The role check here covers every page registered below.
 */
export const analystPage: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', requireConsoleRole('analyst'))
  await app.register(analystOverviewRoutes)
  await app.register(analystRankingRoutes)
  await app.register(analystDomainsRoutes)
  await app.register(analystLeapfrogRoutes)
  await app.register(analystWeightsRoutes)
  await app.register(analystReportRoutes)
  await app.register(analystCsvRoutes)
}
