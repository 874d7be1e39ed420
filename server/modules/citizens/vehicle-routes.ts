import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { normalizeVehicleForm, vehicleFormProblems } from '../../../src/domain/citizen-forms'
import { maskPlate, maskTail } from '../../../src/domain/mask'
import { PLATE_TYPES, type PlateType } from '../../../src/domain/plate'
import type { SecretBox } from '../../crypto/secret-box'
import { ErrorBody, HttpError } from '../../errors'
import type { CitizenDeps } from './citizen-deps'
import { citizenOf, requireCitizen, requireIdentity } from './citizen-session'
import { formProblems } from './me-routes'
import { VehicleList, VehicleParams, VehicleRequest, type VehicleT } from './schemas'
import { type VehicleRow, deleteVehicle, insertVehicle, listVehicles } from './vehicles-repository'

/** How many vehicles one citizen may bind (交管12123 allows a handful per person). */
export const MAX_VEHICLES = 5

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

export interface OpenVehicle {
  plate: string
  plateType: PlateType
  engineTail: string
}

export function openVehicle(box: SecretBox, row: VehicleRow): OpenVehicle {
  const { plate, engineTail } = JSON.parse(box.open(row.sealed)) as { plate: string; engineTail: string }
  return { plate, engineTail, plateType: row.plate_type as PlateType }
}

export function vehicleView(box: SecretBox, row: VehicleRow): VehicleT {
  const v = openVehicle(box, row)
  return {
    id: row.id,
    plate: maskPlate(v.plate),
    plateType: v.plateType,
    plateTypeName: PLATE_TYPES[v.plateType],
    engineTail: maskTail(v.engineTail, 2),
    createdAt: new Date(row.created_at).toISOString(),
  }
}

/** 我的车辆: bind (plate type, plate, engine-number tail), list, unbind. Plates are sealed; lookups use a keyed hash. */
export const vehicleRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, { db, box, lookup }) => {
  app.addHook('onRequest', requireCitizen(db))

  app.get(
    '/v1/me/vehicles',
    { schema: { tags: ['citizen'], summary: 'Bound vehicles, masked', security, response: { 200: VehicleList, ...errors } } },
    async (req) => ({ vehicles: (await listVehicles(db, citizenOf(req))).map((row) => vehicleView(box, row)) }),
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
    async (req, reply) => {
      const citizenId = citizenOf(req)
      const form = normalizeVehicleForm(req.body)
      const problems = vehicleFormProblems(form)
      if (problems.length > 0) throw formProblems(problems)
      await requireIdentity(db, box, citizenId)
      const result = await insertVehicle(
        db,
        { citizenId, plateType: form.plateType, sealed: box.seal(JSON.stringify({ plate: form.plate, engineTail: form.engineTail })), plateKey: lookup('plate', `${form.plateType}|${form.plate}`) },
        MAX_VEHICLES,
      )
      if ('refused' in result) {
        throw result.refused === 'duplicate'
          ? new HttpError(409, 'VEHICLE_ALREADY_BOUND', 'This vehicle is already bound / 该车辆已绑定，无需重复绑定')
          : new HttpError(409, 'TOO_MANY_VEHICLES', `At most ${MAX_VEHICLES} vehicles / 最多绑定 ${MAX_VEHICLES} 辆车，请先解绑不用的车辆`)
      }
      return reply.code(201).send({ vehicle: vehicleView(box, result.row) })
    },
  )

  app.delete(
    '/v1/me/vehicles/:vehicleId',
    { schema: { tags: ['citizen'], summary: 'Unbind a vehicle', security, params: VehicleParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      if (!(await deleteVehicle(db, citizenOf(req), req.params.vehicleId))) {
        throw new HttpError(404, 'VEHICLE_NOT_BOUND', 'No such bound vehicle / 未找到该绑定车辆')
      }
      return reply.code(204).send(null)
    },
  )
}
