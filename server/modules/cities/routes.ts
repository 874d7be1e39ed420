import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorBody } from '../../errors'
import { CityList, CitySearchQuery, NearestCity, NearestQuery } from '../../../src/api/cities'
import type { CityService } from './service'

export const cityRoutes: FastifyPluginAsyncTypebox<{ cities: CityService }> = async (app, { cities }) => {
  app.get(
    '/v1/cities',
    {
      schema: {
        tags: ['cities'],
        summary: 'Search cities by Chinese name, full pinyin or initials (all cities without q)',
        querystring: CitySearchQuery,
        response: { 200: CityList, 400: ErrorBody },
      },
    },
    async (req) => ({ cities: cities.search(req.query.q, req.query.limit ?? 500) }),
  )

  app.get(
    '/v1/cities/nearest',
    {
      schema: {
        tags: ['cities'],
        summary: 'The city nearest to a point (to pre-select the citizen’s city)',
        querystring: NearestQuery,
        response: { 200: NearestCity, 400: ErrorBody },
      },
    },
    async (req) => cities.nearest(req.query.lat, req.query.lng),
  )
}
