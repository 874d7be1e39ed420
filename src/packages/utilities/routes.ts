import { pageUrl } from '../../services/routes'

/** The utilities subpackage's pages (app.config.ts). */
export const UTILITIES_HOME_PAGE = '/packages/utilities/pages/index/index'
const BIND_PAGE = '/packages/utilities/pages/bind/index'
const BILLS_PAGE = '/packages/utilities/pages/bills/index'
const TOP_UP_PAGE = '/packages/utilities/pages/top-up/index'
const HISTORY_PAGE = '/packages/utilities/pages/history/index'

/** 生活缴费: the citizen's household accounts at a utilities service. */
export function utilitiesHomeUrl(service: string, name?: string): string {
  return pageUrl(UTILITIES_HOME_PAGE, { service, name })
}
export function bindAccountUrl(service: string): string {
  return pageUrl(BIND_PAGE, { service })
}
export function billsUrl(service: string, account: string): string {
  return pageUrl(BILLS_PAGE, { service, account })
}
export function topUpUrl(service: string, account: string): string {
  return pageUrl(TOP_UP_PAGE, { service, account })
}
export function historyUrl(service: string, account: string): string {
  return pageUrl(HISTORY_PAGE, { service, account })
}
