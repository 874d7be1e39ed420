/** Pages outside the main package, one subpackage per domain (src/packages/subpackages.ts). */
export const TRAFFIC_HOME_PAGE = '/packages/traffic/pages/index/index'
export const TRAFFIC_BIND_PAGE = '/packages/traffic/pages/bind/index'
export const TRAFFIC_VIOLATIONS_PAGE = '/packages/traffic/pages/violations/index'
export const TRAFFIC_VIOLATION_PAGE = '/packages/traffic/pages/violation/index'
export const TRAFFIC_LICENCE_PAGE = '/packages/traffic/pages/licence/index'
export const CASHIER_PAGE = '/packages/pay/pages/cashier/index'
/** 我的支付: every payment of the citizen across services. */
export const MY_PAYMENTS_PAGE = '/packages/pay/pages/payments/index'
export const IDENTITY_PAGE = '/packages/account/pages/identity/index'
export const RECORDS_PAGE = '/packages/account/pages/records/index'
/** 消息: notifications of case changes. */
export const MESSAGES_PAGE = '/packages/account/pages/messages/index'
export const RATING_PAGE = '/packages/account/pages/rating/index'
/** The simulated identity agency's face-check page (H5, development). */
export const FACE_CHECK_PAGE = '/packages/account/pages/face-check/index'
export const HOSPITAL_HOME_PAGE = '/packages/hospital/pages/index/index'
export const HOSPITAL_DEPARTMENTS_PAGE = '/packages/hospital/pages/departments/index'
export const HOSPITAL_DEPARTMENT_PAGE = '/packages/hospital/pages/department/index'
export const BOOKING_CONFIRM_PAGE = '/packages/hospital/pages/confirm/index'
export const APPOINTMENTS_PAGE = '/packages/hospital/pages/appointments/index'
export const APPOINTMENT_PAGE = '/packages/hospital/pages/appointment/index'
export const PATIENTS_PAGE = '/packages/hospital/pages/patients/index'
export const SOCIAL_SECURITY_HOME_PAGE = '/packages/social-security/pages/index/index'
export const CONTRIBUTIONS_PAGE = '/packages/social-security/pages/records/index'
export const MEDICAL_ACCOUNT_PAGE = '/packages/social-security/pages/medical/index'
export const SOCIAL_SECURITY_CARD_PAGE = '/packages/social-security/pages/card/index'
export const HOUSING_FUND_HOME_PAGE = '/packages/housing-fund/pages/index/index'
export const DEPOSITS_PAGE = '/packages/housing-fund/pages/deposits/index'
export const FUND_LOANS_PAGE = '/packages/housing-fund/pages/loans/index'
export const FUND_LOAN_PAGE = '/packages/housing-fund/pages/loan/index'
export const WITHDRAWAL_PAGE = '/packages/housing-fund/pages/withdraw/index'
export const LOAN_CALCULATOR_PAGE = '/packages/housing-fund/pages/calculator/index'

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
/**
 * The simulated cashier of an order; `back` is the page that opened it
 * (path and query). Both live in the URL, so after a reload (H5, where the
 * page stack is gone) the cashier still knows its order and where to go.
 */
export function cashierUrl(order: string, back?: string): string {
  return pageUrl(CASHIER_PAGE, { order, back })
}

/** True for a page of this app given as a path with its query (a `back` parameter), never another site or scheme. */
export function isAppPageUrl(url: string): boolean {
  return /^\/(pages|packages)\/[A-Za-z0-9_/-]+(\?[^#\s]*)?$/.test(url)
}
/** 实名认证; after success the app opens `back` in its place, or returns to where the citizen came from. */
export function identityUrl(back?: string): string {
  return pageUrl(IDENTITY_PAGE, { back })
}

/** The simulated face-check page for one check. */
export function faceCheckUrl(check: string): string {
  return pageUrl(FACE_CHECK_PAGE, { check })
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

/** 社保: insured status per type and contribution periods, with links to the rest. */
export function socialSecurityHomeUrl(service: string, name?: string): string {
  return pageUrl(SOCIAL_SECURITY_HOME_PAGE, { service, name })
}
/** 缴费记录 of one calendar year (the latest by default). */
export function contributionsUrl(service: string, year?: number): string {
  return pageUrl(CONTRIBUTIONS_PAGE, { service, year: year === undefined ? undefined : String(year) })
}
/** 医保个人账户: balance and transactions. */
export function medicalAccountUrl(service: string): string {
  return pageUrl(MEDICAL_ACCOUNT_PAGE, { service })
}
/** 电子社保卡 with its QR code. */
export function socialSecurityCardUrl(service: string): string {
  return pageUrl(SOCIAL_SECURITY_CARD_PAGE, { service })
}

/** 公积金: the account, with links to the rest. */
export function housingFundHomeUrl(service: string, name?: string): string {
  return pageUrl(HOUSING_FUND_HOME_PAGE, { service, name })
}
/** 缴存明细 of one calendar year (the latest by default). */
export function depositsUrl(service: string, year?: number): string {
  return pageUrl(DEPOSITS_PAGE, { service, year: year === undefined ? undefined : String(year) })
}
/** 贷款查询: the citizen's fund loans. */
export function fundLoansUrl(service: string): string {
  return pageUrl(FUND_LOANS_PAGE, { service })
}
/** One loan's repayment schedule. */
export function fundLoanUrl(service: string, loan: string): string {
  return pageUrl(FUND_LOAN_PAGE, { service, loan })
}
/** 提取申请: reasons with eligibility, and the application. */
export function withdrawalUrl(service: string): string {
  return pageUrl(WITHDRAWAL_PAGE, { service })
}
/** 贷款试算; works without a service or login. */
export function loanCalculatorUrl(): string {
  return LOAN_CALCULATOR_PAGE
}

/** 办事记录 opened at one case (from its 消息). */
export function recordUrl(recordId: string): string {
  return pageUrl(RECORDS_PAGE, { record: recordId })
}

/** 评价 of one 办事记录 item: the form before it is rated, then the rating with the agency's answers and 追评. */
export function ratingUrl(recordId: string, what: string): string {
  return pageUrl(RATING_PAGE, { recordId, what })
}
