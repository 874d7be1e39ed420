import type { CatalogService } from '../domain/catalog'
import type { CityCode } from '../domain/city'
import { availabilityNotice, availabilityNow, withCity } from '../domain/service-access'
import { WEBVIEW_PAGE } from '../packages/webview/routes'
import { pageUrl } from './routes'
import { serviceEntryUrl } from './service-entry-url'

/** What a tap on a tile does: open one of the app's pages, the agency's page inside the app, another mini-program, or explain why not. */
export type ServiceOpening =
  | { kind: 'page'; url: string }
  | { kind: 'webview'; url: string }
  | { kind: 'miniprogram'; appId: string; path: string }
  | { kind: 'explain'; title: string; content: string }

/** The in-app page that shows a web-view service's agency page (it reads the page from the city's catalog, never from the link). */
export function webviewPageUrl(service: Pick<CatalogService, 'id' | 'name'>, city: CityCode): string {
  return pageUrl(WEBVIEW_PAGE, { service: service.id, city, name: service.name })
}

/**
 * How a tile opens at `now` in `city`: a service in maintenance or suspended
 * explains itself; a typed service opens its subpackage; a web-view service
 * the in-app web-view page; a mini-program service the other mini-program
 * with the city in its path. A contract this app does not know asks for an update.
 */
export function serviceOpening(service: CatalogService, city: CityCode, now: number): ServiceOpening {
  const notice = availabilityNotice(service.name, availabilityNow(service.availability, now))
  if (notice) return { kind: 'explain', ...notice }
  const typed = serviceEntryUrl(service)
  if (typed) return { kind: 'page', url: typed }
  if (service.webview) return { kind: 'webview', url: webviewPageUrl(service, city) }
  if (service.miniprogram) return { kind: 'miniprogram', appId: service.miniprogram.appId, path: withCity(service.miniprogram.path, city) }
  return { kind: 'explain', title: '需要更新', content: `「${service.name}」需要新版本的城市服务才能打开，请更新后再试。` }
}
