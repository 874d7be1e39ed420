import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import type { CityService } from '../cities/service'
import { createCatalogCache } from './catalog-cache'
import { CatalogQuery, CatalogResponse } from '../../../src/api/catalog'
import { getCatalog } from './service'

export interface CatalogRouteOptions {
  db: Db
  cities: CityService
  /** How stale a cached catalog may be when another process changed it (ms). */
  cacheMaxAgeMs: number
}

export const catalogRoutes: FastifyPluginAsyncTypebox<CatalogRouteOptions> = async (app, { db, cities, cacheMaxAgeMs }) => {
  const cache = createCatalogCache(db, cacheMaxAgeMs)

  app.get(
    '/v1/catalog',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Listed services available in a city (city, province and national coverage), grouped by domain',
        description: 'Answers carry an ETag; send it back in If-None-Match to get 304 while the catalog is unchanged.',
        querystring: CatalogQuery,
        response: { 200: CatalogResponse, 304: Type.Null({ description: 'Unchanged since the ETag sent in If-None-Match' }), 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const code = cities.get(req.query.city).code
      // Serialized once through the response schema (so it is filtered as usual), then reused.
      const { body, etag } = await cache.get(code, async () => {
        const { catalog, expiresAt } = await getCatalog(db, cities, code)
        return { body: String(reply.serialize(catalog)), expiresAt }
      })
      reply.header('etag', etag).header('cache-control', 'no-cache')
      if (req.headers['if-none-match'] === etag) return reply.code(304).send(null)
      // Already serialized through the schema: the cached bytes go out as they are.
      return reply.type('application/json; charset=utf-8').send(body as never)
    },
  )
}
