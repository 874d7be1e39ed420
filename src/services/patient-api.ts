import type { PatientListT, PatientT } from '../api/hospital'
import type { PatientForm } from '../domain/patient-form'
import { authedRequest } from './session'

/** GET /v1/me/patients: the citizen's 就诊人 (the citizen first, relation self), masked, and how many are allowed. */
export function listPatients(): Promise<PatientListT> {
  return authedRequest<PatientListT>('/v1/me/patients')
}

/** POST /v1/me/patients: adds a 就诊人 (form checked with patientFormProblems first; the identity agency verifies it). */
export async function addPatient(form: PatientForm): Promise<PatientT> {
  const body = await authedRequest<{ patient: PatientT }>('/v1/me/patients', { method: 'POST', data: form })
  return body.patient
}

/** DELETE /v1/me/patients/:patientId; refused for 本人 and while the patient has appointments to come. */
export function removePatient(patientId: string): Promise<void> {
  return authedRequest<void>(`/v1/me/patients/${encodeURIComponent(patientId)}`, { method: 'DELETE' })
}
