import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import type { CityService } from '../cities/service'
import { CatalogQuery, CatalogResponse } from './schemas'
import { getCatalog } from './service'

export const catalogRoutes: FastifyPluginAsyncTypebox<{ db: Db; cities: CityService }> = async (app, { db, cities }) => {
  app.get(
    '/v1/catalog',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Listed services available in a city (city, province and national coverage), grouped by domain',
        querystring: CatalogQuery,
        response: { 200: CatalogResponse, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => getCatalog(db, cities, req.query.city),
  )
}
