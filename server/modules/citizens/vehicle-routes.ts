import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorBody } from '../../errors'
import type { CitizenDeps } from './citizen-deps'
import { citizenOf, requireCitizen } from './citizen-session'
import { VehicleList, VehicleParams, VehicleRequest } from '../../../src/api/citizens'
import { bindVehicle, listVehicleViews, unbindVehicle } from './vehicle-service'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/** 我的车辆: bind (plate type, plate, engine-number tail), list, unbind. Plates are sealed; lookups use a keyed hash. */
export const vehicleRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, deps) => {
  app.addHook('onRequest', requireCitizen(deps.db))

  app.get(
    '/v1/me/vehicles',
    { schema: { tags: ['citizen'], summary: 'Bound vehicles, masked', security, response: { 200: VehicleList, ...errors } } },
    async (req) => ({ vehicles: await listVehicleViews(deps, citizenOf(req)) }),
  )

  app.post(
    '/v1/me/vehicles',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Bind a vehicle (needs 实名认证): plate type, plate (7 or 8 characters, no I or O), last 6 of the engine number',
        security,
        body: VehicleRequest,
        response: { 201: Type.Object({ vehicle: Type.Ref('Vehicle') }), ...errors, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => reply.code(201).send({ vehicle: await bindVehicle(deps, citizenOf(req), req.body) }),
  )

  app.delete(
    '/v1/me/vehicles/:vehicleId',
    { schema: { tags: ['citizen'], summary: 'Unbind a vehicle', security, params: VehicleParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await unbindVehicle(deps, citizenOf(req), req.params.vehicleId)
      return reply.code(204).send(null)
    },
  )
}
