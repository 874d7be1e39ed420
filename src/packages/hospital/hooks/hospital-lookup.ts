import { listDepartments, listHospitals, type Department, type Hospital } from '../../../services/hospital-api'
import { ApiError } from '../../../services/request'

// Campuses and departments change a few times a year: each answer is kept
// while the app runs, so the booking pages after the first ask only for what
// changes (doctors, dates, slots).
const hospitalLists = new Map<string, Promise<Hospital[]>>()
const departmentLists = new Map<string, Promise<Department[]>>()

function remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const known = cache.get(key)
  if (known) return known
  const pending = load()
  cache.set(key, pending)
  // A failure is not kept: 重试 asks again.
  pending.catch(() => cache.delete(key))
  return pending
}

/** The campuses of a hospital service (kept after the first answer). */
export function campusesOf(service: string): Promise<Hospital[]> {
  return remember(hospitalLists, service, () => listHospitals(service))
}

/** One campus with its booking rules; rejects with HOSPITAL_NOT_FOUND when the service has no such campus. */
export async function findHospital(service: string, hospitalId: string): Promise<Hospital> {
  const hospital = (await campusesOf(service)).find((h) => h.id === hospitalId)
  if (!hospital) throw new ApiError('HOSPITAL_NOT_FOUND', '未找到该医院，请返回重新选择', 404)
  return hospital
}

/** The departments of a campus (kept after the first answer). */
export function departmentsOf(service: string, hospitalId: string): Promise<Department[]> {
  return remember(departmentLists, `${service}/${hospitalId}`, () => listDepartments(service, hospitalId))
}

/** One department; rejects with DEPARTMENT_NOT_FOUND when the campus has no such department. */
export async function findDepartment(service: string, hospitalId: string, departmentId: string): Promise<Department> {
  const department = (await departmentsOf(service, hospitalId)).find((d) => d.id === departmentId)
  if (!department) throw new ApiError('DEPARTMENT_NOT_FOUND', '未找到该科室，请返回重新选择', 404)
  return department
}
