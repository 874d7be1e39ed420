import { apiErrorView } from './api-error-view'
import type { ApiResult } from './call-api'
import type { WhoAmI } from './console-user'
import { html, type SafeHtml } from './html'
import { queryString } from './analyst-query'
import { layout } from './layout'

/** The analyst pages, in navigation order (layout.ts shows them). */
export const ANALYST_PAGES = {
  overview: '/console/analyst',
  ranking: '/console/analyst/ranking',
  domains: '/console/analyst/domains',
  leapfrog: '/console/analyst/leapfrog',
  weights: '/console/analyst/weights',
  report: '/console/analyst/report',
} as const

/** An analyst page in the console frame. */
export function analystLayout(user: WhoAmI, current: string, title: string, body: SafeHtml): SafeHtml {
  return layout({ title, user, current, body })
}

/** The HTTP status of a page built from these answers: the first failure's, else 200. */
export function statusOf(...results: ApiResult<unknown>[]): number {
  return results.find((r) => !r.ok)?.status ?? 200
}

/** An answer's view, or the API's error in its place (a section of a page that shows what it could read). */
export function viewOr<T>(result: ApiResult<T>, heading: string, view: (data: T) => SafeHtml): SafeHtml {
  return result.ok ? view(result.data) : apiErrorView(result.error, heading)
}

/**
 * A request the API refused as a whole (a bad month, from after to: 4xx) is
 * the analyst's to fix and says so once at the top, instead of once per
 * section; other failures stay in their sections.
 */
export function refusedRequest(...results: ApiResult<unknown>[]): SafeHtml | undefined {
  const refused = results.find((r) => !r.ok && r.status >= 400 && r.status < 500)
  return refused && !refused.ok ? apiErrorView(refused.error, '无法按所选条件统计') : undefined
}

/** What a view that needs all these answers shows when some failed: a refused request once, else every failure. */
export function failuresView(heading: string, ...results: ApiResult<unknown>[]): SafeHtml {
  return refusedRequest(...results) ?? html`${results.map((r) => (r.ok ? '' : apiErrorView(r.error, heading)))}`
}

/** The console's CSV download of one table (analyst-csv.ts), with the page's parameters. */
export const csvPath = (what: string, params: Record<string, string | number | undefined> = {}): string => `${ANALYST_PAGES.overview}/${what}.csv${queryString(params)}`

/** A link that downloads a table as CSV through the console (which adds the analyst's token). */
export function csvLink(href: string, text = '下载 CSV'): SafeHtml {
  return html`<a class="download no-print" href="${href}" download>${text}</a>`
}
