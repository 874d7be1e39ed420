import { normalizeVehicleForm, vehicleFormProblems } from '../../../src/domain/citizen-forms'
import { maskPlate, maskTail } from '../../../src/domain/mask'
import { PLATE_TYPES, type PlateType } from '../../../src/domain/plate'
import type { SecretBox } from '../../crypto/secret-box'
import { HttpError } from '../../errors'
import type { CitizenDeps } from './citizen-deps'
import { formProblems } from './form-problems'
import { requireIdentity } from './identity-service'
import type { VehicleT } from '../../../src/api/citizens'
import { type VehicleRow, deleteVehicle, findVehicle, insertVehicle, listVehicles } from './vehicles-repository'

/** How many vehicles one citizen may bind (交管12123 allows a handful per person). */
export const MAX_VEHICLES = 5

/** A bound vehicle opened: what the traffic police need to find its violations. */
export interface OpenVehicle {
  plate: string
  plateType: PlateType
  engineTail: string
}

function openVehicle(box: SecretBox, row: VehicleRow): OpenVehicle {
  const { plate, engineTail } = JSON.parse(box.open(row.sealed)) as { plate: string; engineTail: string }
  return { plate, engineTail, plateType: row.plate_type as PlateType }
}

function vehicleView(box: SecretBox, row: VehicleRow): VehicleT {
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

/** The citizen's bound vehicles, masked. */
export async function listVehicleViews(deps: Pick<CitizenDeps, 'db' | 'box'>, citizenId: string): Promise<VehicleT[]> {
  return (await listVehicles(deps.db, citizenId)).map((row) => vehicleView(deps.box, row))
}

/**
 * One of the citizen's vehicles, opened (for its agency) and masked (for the
 * app); 404 VEHICLE_NOT_BOUND when it is not theirs.
 */
export async function ownVehicle(deps: Pick<CitizenDeps, 'db' | 'box'>, citizenId: string, vehicleId: string): Promise<{ vehicle: OpenVehicle; view: VehicleT }> {
  const row = await findVehicle(deps.db, citizenId, vehicleId)
  if (!row) throw new HttpError(404, 'VEHICLE_NOT_BOUND', 'No such bound vehicle / 未找到该绑定车辆')
  return { vehicle: openVehicle(deps.box, row), view: vehicleView(deps.box, row) }
}

/**
 * Binds a vehicle (plate type, plate, engine-number tail) for a verified
 * citizen: the form checked first, the plate sealed, lookups by keyed hash.
 * 409 for a vehicle bound already or one too many.
 */
export async function bindVehicle(
  deps: Pick<CitizenDeps, 'db' | 'box' | 'lookup'>,
  citizenId: string,
  input: { plateType: string; plate: string; engineTail: string },
): Promise<VehicleT> {
  const { db, box, lookup } = deps
  const form = normalizeVehicleForm(input)
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
  return vehicleView(box, result.row)
}

/** Unbinds one of the citizen's vehicles; 404 VEHICLE_NOT_BOUND when it is not theirs. */
export async function unbindVehicle(deps: Pick<CitizenDeps, 'db'>, citizenId: string, vehicleId: string): Promise<void> {
  if (!(await deleteVehicle(deps.db, citizenId, vehicleId))) {
    throw new HttpError(404, 'VEHICLE_NOT_BOUND', 'No such bound vehicle / 未找到该绑定车辆')
  }
}
