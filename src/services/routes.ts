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

/** The app's own page for a catalog service, by its contract; undefined while the app has none for it. */
export function serviceEntryUrl(service: Pick<CatalogService, 'id' | 'name' | 'contract'>): string | undefined {
  if (service.contract === 'traffic@1') return trafficHomeUrl(service.id, service.name)
  return undefined
}
