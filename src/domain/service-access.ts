import { formatChinaDateTime } from './china-time'

/**
 * Whether a catalog service can be used now: open, in an announced
 * maintenance window (ISO times, `until` exclusive), or suspended by the
 * platform's operators. A tile shows the last two instead of opening.
 */
export type ServiceAvailability =
  | { state: 'available' }
  | { state: 'maintenance'; from: string; until: string }
  | { state: 'suspended' }

/** Another mini-program a `miniprogram` service opens: its appId and page path. */
export interface MiniProgramTarget {
  appId: string
  path: string
}

/** An announced maintenance window in epoch ms, [start, end). */
export interface MaintenanceSpan {
  start: number
  end: number
}

/**
 * The maintenance under way at `now`: windows that overlap or touch are one
 * (an agency may announce an extension as a second window). Undefined when none is.
 */
export function maintenanceAt(windows: readonly MaintenanceSpan[], now: number): MaintenanceSpan | undefined {
  const merged: MaintenanceSpan[] = []
  for (const w of [...windows].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1]
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end)
    else merged.push({ ...w })
  }
  return merged.find((m) => m.start <= now && now < m.end)
}

/** The first instant after `now` when a window starts or ends (an answer built now is stale from then); undefined when none. */
export function nextMaintenanceChange(windows: readonly MaintenanceSpan[], now: number): number | undefined {
  const ahead = windows.flatMap((w) => [w.start, w.end]).filter((t) => t > now)
  return ahead.length > 0 ? Math.min(...ahead) : undefined
}

/** A service's availability from its status and announced windows at `now`. */
export function serviceAvailability(suspended: boolean, windows: readonly MaintenanceSpan[], now: number): ServiceAvailability {
  if (suspended) return { state: 'suspended' }
  const m = maintenanceAt(windows, now)
  return m ? { state: 'maintenance', from: new Date(m.start).toISOString(), until: new Date(m.end).toISOString() } : { state: 'available' }
}

/**
 * The availability as the app should treat it at `now`: an answer read
 * before a window ended still says 维护中, so a window that is over counts
 * as available. Missing (an older server) is available.
 */
export function availabilityNow(a: ServiceAvailability | undefined, now: number): ServiceAvailability {
  if (!a) return { state: 'available' }
  if (a.state === 'maintenance' && Date.parse(a.until) <= now) return { state: 'available' }
  return a
}

/** The window as a citizen reads it, China time: "12-07 02:00 至 06:00" within a day, else both dates. */
export function maintenanceWindowText(a: { from: string; until: string }): string {
  const from = formatChinaDateTime(a.from)
  const until = formatChinaDateTime(a.until)
  const sameDay = from.slice(0, 10) === until.slice(0, 10)
  return `${from.slice(5)} 至 ${sameDay ? until.slice(11) : until.slice(5)}`
}

/** What a tile says instead of opening (undefined when the service is available). */
export function availabilityBadge(a: ServiceAvailability): string | undefined {
  if (a.state === 'maintenance') return '维护中'
  if (a.state === 'suspended') return '暂停服务'
  return undefined
}

/** What a tap on an unavailable service explains: title and text of the dialog. */
export function availabilityNotice(name: string, a: ServiceAvailability): { title: string; content: string } | undefined {
  if (a.state === 'maintenance') {
    return { title: '维护中', content: `「${name}」正在维护（${maintenanceWindowText(a)}，北京时间），维护结束后即可使用。` }
  }
  if (a.state === 'suspended') {
    return { title: '暂停服务', content: `「${name}」已暂停服务，恢复后即可使用。急需办理请前往办事窗口或拨打 12345 咨询。` }
  }
  return undefined
}

/**
 * `url` with the citizen's city as `city=<code>` (replacing any city the
 * agency put there), before the fragment: the only thing the platform tells
 * an agency's page.
 */
export function withCity(url: string, city: string): string {
  const hashAt = url.indexOf('#')
  const base = hashAt === -1 ? url : url.slice(0, hashAt)
  const hash = hashAt === -1 ? '' : url.slice(hashAt)
  const queryAt = base.indexOf('?')
  const path = queryAt === -1 ? base : base.slice(0, queryAt)
  const pairs = (queryAt === -1 ? '' : base.slice(queryAt + 1)).split('&').filter((p) => p !== '' && p.split('=')[0] !== 'city')
  return `${path}?${[...pairs, `city=${encodeURIComponent(city)}`].join('&')}${hash}`
}

/**
 * WeChat's plain URL Scheme that opens a mini-program page from outside
 * WeChat (a phone's browser or camera): `weixin://dl/business/?appid=…&path=…&query=…`,
 * the path's query moved into `query`, encoded.
 */
export function miniProgramScheme(target: MiniProgramTarget): string {
  const queryAt = target.path.indexOf('?')
  const path = (queryAt === -1 ? target.path : target.path.slice(0, queryAt)).replace(/^\//, '')
  const query = queryAt === -1 ? '' : target.path.slice(queryAt + 1)
  return `weixin://dl/business/?appid=${target.appId}&path=${encodeURIComponent(path)}${query ? `&query=${encodeURIComponent(query)}` : ''}`
}
