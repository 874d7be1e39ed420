import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger } from 'fastify'
import { operation } from '../../contracts/common'
import { operations as trafficOperations } from '../../contracts/traffic'
import { ErrorBody, HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen, requireIdentity } from '../citizens/citizen-session'
import { openVehicle, vehicleView } from '../citizens/vehicle-routes'
import { findVehicle } from '../citizens/vehicles-repository'
import { type ServiceTarget, listedService } from '../gateway/agency-targets'
import { callOperation } from '../gateway/call-operation'
import type { Payments } from '../payments/payment-service'
import { PaymentAnswer } from '../payments/schemas'
import { LicenceView, TrafficParams, VehicleViolations, VehicleViolationsParams, ViolationPathParams, ViolationView } from './schemas'

const listViolations = operation(trafficOperations, 'listViolations')
const getViolation = operation(trafficOperations, 'getViolation')
const getLicencePoints = operation(trafficOperations, 'getLicencePoints')

const CONTRACT = 'traffic@1'
const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/**
 * 交通违法 through the city's traffic police (traffic@1): the platform opens
 * the citizen's sealed vehicle and sends the plate only to that agency, in a
 * signed request. A violation is shown or paid only if it is on the list of
 * one of the citizen's own vehicles.
 */
export const trafficRoutes: FastifyPluginAsyncTypebox<CitizenDeps & { payments: Payments }> = async (app, deps) => {
  const { db, box, config, payments } = deps
  const timeoutMs = config.citizen.agencyTimeoutMs
  app.addHook('onRequest', requireCitizen(db))

  async function vehicleAt(citizenId: string, vehicleId: string) {
    const row = await findVehicle(db, citizenId, vehicleId)
    if (!row) throw new HttpError(404, 'VEHICLE_NOT_BOUND', 'No such bound vehicle / 未找到该绑定车辆')
    return row
  }

  async function violationsOf(agency: ServiceTarget, citizenId: string, vehicleId: string, log: FastifyBaseLogger) {
    const row = await vehicleAt(citizenId, vehicleId)
    const list = await callOperation(agency, listViolations, { body: openVehicle(box, row), timeoutMs, log })
    return { row, list }
  }

  /** The violation's detail, checked to belong to one of the citizen's vehicles. */
  async function ownViolation(params: { serviceId: string; vehicleId: string; violationId: string }, citizenId: string, log: FastifyBaseLogger) {
    const agency = await listedService(db, box, params.serviceId, CONTRACT)
    const { row, list } = await violationsOf(agency, citizenId, params.vehicleId, log)
    if (!list.violations.some((v) => v.id === params.violationId)) {
      throw new HttpError(404, 'VIOLATION_NOT_FOUND', 'No such violation for this vehicle / 该车辆没有这条违法记录')
    }
    const violation = await callOperation(agency, getViolation, { params: { violationId: params.violationId }, timeoutMs, log })
    return { agency, row, violation }
  }

  app.get(
    '/v1/services/:serviceId/vehicles/:vehicleId/violations',
    { schema: { tags: ['citizen'], summary: "A bound vehicle's violations from the city's traffic police", security, params: VehicleViolationsParams, response: { 200: VehicleViolations, ...errors } } },
    async (req) => {
      const agency = await listedService(db, box, req.params.serviceId, CONTRACT)
      const { row, list } = await violationsOf(agency, citizenOf(req), req.params.vehicleId, req.log)
      return { vehicle: vehicleView(box, row), ...list }
    },
  )

  app.get(
    '/v1/services/:serviceId/vehicles/:vehicleId/violations/:violationId',
    { schema: { tags: ['citizen'], summary: 'One violation: detail, late fee, whether it can be paid online and why not, and its payment', security, params: ViolationPathParams, response: { 200: ViolationView, ...errors } } },
    async (req) => {
      const { row, violation } = await ownViolation(req.params, citizenOf(req), req.log)
      const open = await payments.findOpen(req.params.serviceId, { kind: 'violation', id: req.params.violationId })
      return { vehicle: vehicleView(box, row), violation, payment: open ? await payments.refresh(open, req.log) : null }
    },
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
      const citizenId = citizenOf(req)
      const subject = { kind: 'violation' as const, id: req.params.violationId }
      const existing = await payments.findOpen(req.params.serviceId, subject)
      if (existing && existing.citizen_id === citizenId && existing.status !== 'created') return { payment: payments.view(existing) }
      const { violation } = await ownViolation(req.params, citizenId, req.log)
      if (violation.status !== 'unpaid') throw new HttpError(409, 'ALREADY_PAID', 'This fine is already paid or being processed / 该违法已缴款或正在处理，无需重复缴款')
      if (!violation.payableOnline) throw new HttpError(422, 'NOT_PAYABLE_ONLINE', `This fine cannot be paid online / ${violation.notPayableReason ?? '该违法不支持网上缴款'}`)
      const { payment, created } = await payments.open(
        { citizenId, serviceId: req.params.serviceId, subject, amountFen: violation.payableFen, description: '交通违法罚款', what: `缴纳交通违法罚款（违法代码 ${violation.code}）` },
        req.log,
      )
      return reply.code(created ? 201 : 200).send({ payment })
    },
  )

  app.get(
    '/v1/services/:serviceId/licence',
    { schema: { tags: ['citizen'], summary: "The verified citizen's driving licence points and scoring cycle", security, params: TrafficParams, response: { 200: LicenceView, ...errors } } },
    async (req) => {
      const identity = await requireIdentity(db, box, citizenOf(req))
      const agency = await listedService(db, box, req.params.serviceId, CONTRACT)
      return callOperation(agency, getLicencePoints, { body: { licenceNo: identity.idNumber }, timeoutMs, log: req.log })
    },
  )
}
