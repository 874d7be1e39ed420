import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorBody } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen } from '../citizens/citizen-session'
import type { Payments } from '../payments/payment-service'
import { PaymentAnswer } from '../../../src/api/payments'
import { LicenceView, TrafficParams, VehicleViolations, VehicleViolationsParams, ViolationPathParams, ViolationView } from '../../../src/api/traffic'
import { createTraffic } from './service'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/** 交通违法 and 驾驶证记分 for the citizen's bound vehicles and licence (the rules: service.ts). */
export const trafficRoutes: FastifyPluginAsyncTypebox<CitizenDeps & { payments: Payments }> = async (app, deps) => {
  const traffic = createTraffic(deps)
  app.addHook('onRequest', requireCitizen(deps.db))

  app.get(
    '/v1/services/:serviceId/vehicles/:vehicleId/violations',
    { schema: { tags: ['citizen'], summary: "A bound vehicle's violations from the city's traffic police", security, params: VehicleViolationsParams, response: { 200: VehicleViolations, ...errors } } },
    async (req) => traffic.vehicleViolations(req.params.serviceId, citizenOf(req), req.params.vehicleId, req.log),
  )

  app.get(
    '/v1/services/:serviceId/vehicles/:vehicleId/violations/:violationId',
    { schema: { tags: ['citizen'], summary: 'One violation: detail, late fee, whether it can be paid online and why not, and its payment', security, params: ViolationPathParams, response: { 200: ViolationView, ...errors } } },
    async (req) => traffic.violation(req.params, citizenOf(req), req.log),
  )

  app.post(
    '/v1/services/:serviceId/vehicles/:vehicleId/violations/:violationId/payments',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Pay a fine: the open payment for this violation, created if there is none (a double tap gets the same order)',
        security,
        params: ViolationPathParams,
        response: { 200: PaymentAnswer, 201: PaymentAnswer, ...errors, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const { payment, created } = await traffic.payViolation(req.params, citizenOf(req), req.log)
      return reply.code(created ? 201 : 200).send({ payment })
    },
  )

  app.get(
    '/v1/services/:serviceId/licence',
    { schema: { tags: ['citizen'], summary: "The verified citizen's driving licence points and scoring cycle", security, params: TrafficParams, response: { 200: LicenceView, ...errors } } },
    async (req) => traffic.licence(req.params.serviceId, citizenOf(req), req.log),
  )
}
