import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { chinaMonthOf } from '../../../src/domain/downtime'
import type { ReviewConfig } from '../../config'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import { requireRole } from '../auth/require-role'
import { CityFailuresAnswer, MaintenanceAnswer, MaintenanceBody, PeriodQuery, ProbesAnswer, ServiceParams } from '../../../src/api/probes'
import { announceMaintenance, getCityFailureRates, getServiceFailureRates, rulesOf } from './service'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody }

/**
 * Failure rate (03-index.md): operators read every service's and city's,
 * agencies their own services'; both announce maintenance windows (agencies
 * for their own services only).
 */
export const probeRoutes: FastifyPluginAsyncTypebox<{ db: Db; config: ReviewConfig }> = async (app, { db, config }) => {
  const security = [{ bearerAuth: [] }]
  const rules = rulesOf(config)
  const rulesDto = { downAfter: rules.downAfter, probeIntervalS: config.probeIntervalS, maxGapS: rules.maxGapMs / 1000 }
  const period = (q: { month?: string; from?: string; to?: string }) => {
    const asOf = Date.now()
    const from = q.month ?? q.from ?? chinaMonthOf(asOf)
    return { from, to: q.month ?? q.to ?? from, asOf, rules }
  }
  const answer = (p: ReturnType<typeof period>) => ({ from: p.from, to: p.to, asOf: new Date(p.asOf).toISOString(), rules: rulesDto })

  app.get(
    '/v1/admin/probes',
    {
      onRequest: requireRole(db, 'operator'),
      schema: {
        tags: ['admin'],
        summary: 'Failure rate per service for a month (or a range): down intervals, monitored time, maintenance, gateway errors beside it',
        security,
        querystring: PeriodQuery,
        response: { 200: ProbesAnswer, ...errors },
      },
    },
    async (req) => {
      const p = period(req.query)
      return { ...answer(p), services: await getServiceFailureRates(db, p) }
    },
  )

  app.get(
    '/v1/admin/probes/cities',
    {
      onRequest: requireRole(db, 'operator'),
      schema: {
        tags: ['admin'],
        summary: 'Failure rate per city: the mean over the monitored services available in the city',
        security,
        querystring: PeriodQuery,
        response: { 200: CityFailuresAnswer, ...errors },
      },
    },
    async (req) => {
      const p = period(req.query)
      return { ...answer(p), cities: await getCityFailureRates(db, p) }
    },
  )

  app.post(
    '/v1/admin/services/:id/maintenance',
    {
      onRequest: requireRole(db, 'operator'),
      schema: {
        tags: ['admin'],
        summary: 'Record a maintenance window of a service (up to 7 days back, e.g. announced elsewhere): left out of its failure rate',
        security,
        params: ServiceParams,
        body: MaintenanceBody,
        response: { 201: MaintenanceAnswer, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send({ window: await announceMaintenance(db, req.principal!, req.params.id, req.body) }),
  )

  app.get(
    '/v1/agency/probes',
    {
      onRequest: requireRole(db, 'agency'),
      schema: {
        tags: ['agency'],
        summary: 'Failure rate of your services for a month (or a range), with down intervals, maintenance and gateway errors',
        security,
        querystring: PeriodQuery,
        response: { 200: ProbesAnswer, ...errors },
      },
    },
    async (req) => {
      const p = period(req.query)
      return { ...answer(p), services: await getServiceFailureRates(db, { ...p, agencyId: req.principal!.agencyId! }) }
    },
  )

  app.post(
    '/v1/agency/services/:id/maintenance',
    {
      onRequest: requireRole(db, 'agency'),
      schema: {
        tags: ['agency'],
        summary: 'Announce a maintenance window of one of your services, before it starts: left out of its failure rate',
        security,
        params: ServiceParams,
        body: MaintenanceBody,
        response: { 201: MaintenanceAnswer, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send({ window: await announceMaintenance(db, req.principal!, req.params.id, req.body) }),
  )
}
