import type { CatalogService } from '../domain/catalog'

/** Pages outside the main package, one subpackage per domain (app.config.ts). */
export const TRAFFIC_HOME_PAGE = '/packages/traffic/pages/index/index'
export const TRAFFIC_BIND_PAGE = '/packages/traffic/pages/bind/index'
export const TRAFFIC_VIOLATIONS_PAGE = '/packages/traffic/pages/violations/index'
export const TRAFFIC_VIOLATION_PAGE = '/packages/traffic/pages/violation/index'
export const TRAFFIC_LICENCE_PAGE = '/packages/traffic/pages/licence/index'
export const CASHIER_PAGE = '/packages/pay/pages/cashier/index'
export const IDENTITY_PAGE = '/packages/account/pages/identity/index'
export const RECORDS_PAGE = '/packages/account/pages/records/index'
export const HOSPITAL_HOME_PAGE = '/packages/hospital/pages/index/index'
export const HOSPITAL_DEPARTMENTS_PAGE = '/packages/hospital/pages/departments/index'
export const HOSPITAL_DEPARTMENT_PAGE = '/packages/hospital/pages/department/index'
export const BOOKING_CONFIRM_PAGE = '/packages/hospital/pages/confirm/index'
export const APPOINTMENTS_PAGE = '/packages/hospital/pages/appointments/index'
export const APPOINTMENT_PAGE = '/packages/hospital/pages/appointment/index'
export const PATIENTS_PAGE = '/packages/hospital/pages/patients/index'

/** `page` with its query; empty values are left out. */
export function pageUrl(page: string, query: Record<string, string | undefined> = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return pairs.length ? `${page}?${pairs.join('&')}` : page
}

/**
 * A page parameter as it was given to pageUrl. Neither the H5 router nor the
 * mini-program decodes query values, so they arrive encoded; a value that is
 * not valid percent-encoding is used as it is.
 */
export function decodeParam(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** The traffic pages: the citizen's vehicles at a traffic service (without one: the vehicles only, from 我的). */
export function trafficHomeUrl(service?: string, name?: string): string {
  return pageUrl(TRAFFIC_HOME_PAGE, { service, name })
}
export function bindVehicleUrl(service?: string): string {
  return pageUrl(TRAFFIC_BIND_PAGE, { service })
}
export function violationsUrl(service: string, vehicle: string): string {
  return pageUrl(TRAFFIC_VIOLATIONS_PAGE, { service, vehicle })
}
export function violationUrl(service: string, vehicle: string, violation: string): string {
  return pageUrl(TRAFFIC_VIOLATION_PAGE, { service, vehicle, violation })
}
export function licenceUrl(service: string): string {
  return pageUrl(TRAFFIC_LICENCE_PAGE, { service })
}
export function cashierUrl(order: string): string {
  return pageUrl(CASHIER_PAGE, { order })
}
/** 实名认证; after success the app opens `back` in its place, or returns to where the citizen came from. */
export function identityUrl(back?: string): string {
  return pageUrl(IDENTITY_PAGE, { back })
}

/** 预约挂号: the campuses of a hospital service, with 我的预约 and 就诊人管理. */
export function hospitalHomeUrl(service: string, name?: string): string {
  return pageUrl(HOSPITAL_HOME_PAGE, { service, name })
}
/** The departments of a campus. */
export function hospitalDepartmentsUrl(service: string, hospital: string): string {
  return pageUrl(HOSPITAL_DEPARTMENTS_PAGE, { service, hospital })
}
/** A department's doctors, dates and slots; `doctor` narrows them to one doctor. */
export function hospitalDepartmentUrl(service: string, hospital: string, department: string, doctor?: string): string {
  return pageUrl(HOSPITAL_DEPARTMENT_PAGE, { service, hospital, department, doctor })
}
export interface BookingChoice {
  service: string
  hospital: string
  department: string
  /** YYYY-MM-DD */
  date: string
  slot: string
  /** The slot's doctor: narrows the schedule the confirm page reads the slot from. */
  doctor?: string
}
/** 确认预约 of a chosen slot. */
export function bookingConfirmUrl(choice: BookingChoice): string {
  const { service, hospital, department, date, slot, doctor } = choice
  return pageUrl(BOOKING_CONFIRM_PAGE, { service, hospital, department, date, slot, doctor })
}
/** 我的预约 (all hospital services). */
export function appointmentsUrl(): string {
  return APPOINTMENTS_PAGE
}
export function appointmentUrl(id: string): string {
  return pageUrl(APPOINTMENT_PAGE, { id })
}
/** 就诊人管理. */
export function patientsUrl(): string {
  return PATIENTS_PAGE
}

/** The app's own page for a catalog service, by its contract; undefined while the app has none for it. */
export function serviceEntryUrl(service: Pick<CatalogService, 'id' | 'name' | 'contract'>): string | undefined {
  if (service.contract === 'traffic@1') return trafficHomeUrl(service.id, service.name)
  if (service.contract === 'hospital@1') return hospitalHomeUrl(service.id, service.name)
  return undefined
}
