import type { IdentityT, MeT, RecordT, VehicleT } from '../api/citizens'
import type { IdentityForm, VehicleForm } from '../domain/citizen-forms'
import { authedRequest } from './session'

/** GET /v1/me: the masked real name (null before 实名认证) and how many vehicles are bound. */
export function getMe(): Promise<MeT> {
  return authedRequest<MeT>('/v1/me')
}

/**
 * POST /v1/me/identity: 实名认证 against the identity agency. Send a form
 * already checked with identityFormProblems; resolves with the masked identity.
 */
export async function verifyIdentity(form: IdentityForm): Promise<IdentityT> {
  const body = await authedRequest<{ identity: IdentityT }>('/v1/me/identity', { method: 'POST', data: form })
  return body.identity
}

/** GET /v1/me/vehicles: bound vehicles, plates and engine numbers masked. */
export async function listVehicles(): Promise<VehicleT[]> {
  const body = await authedRequest<{ vehicles: VehicleT[] }>('/v1/me/vehicles')
  return body.vehicles
}

/** POST /v1/me/vehicles: binds a vehicle (form checked with vehicleFormProblems first). */
export async function bindVehicle(form: VehicleForm): Promise<VehicleT> {
  const body = await authedRequest<{ vehicle: VehicleT }>('/v1/me/vehicles', { method: 'POST', data: form })
  return body.vehicle
}

/** DELETE /v1/me/vehicles/:vehicleId: 解绑. */
export function unbindVehicle(vehicleId: string): Promise<void> {
  return authedRequest<void>(`/v1/me/vehicles/${encodeURIComponent(vehicleId)}`, { method: 'DELETE' })
}

/** GET /v1/me/records: 办事记录 across all services, newest first. */
export async function listRecords(): Promise<RecordT[]> {
  const body = await authedRequest<{ records: RecordT[] }>('/v1/me/records')
  return body.records
}
