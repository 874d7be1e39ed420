import Taro from '@tarojs/taro'
import { buildUrl } from './request'

/** One try's answer; status 0 when none arrived (offline, timeout). */
export interface UsageTransportAnswer {
  status: number
  body: unknown
  /** The Retry-After header, if the server sent one (429). */
  retryAfter?: string | null
}

/** Sends the exact JSON text of a batch to POST /v1/usage. Never rejects: a failure is status 0. */
export type UsageTransport = (payload: string) => Promise<UsageTransportAnswer>

const USAGE_PATH = '/v1/usage'
const TIMEOUT_MS = 15_000
/**
 * Everything a usage request carries besides the batch: no Authorization, no
 * cookie, no referrer, no device or user id. Usage is anonymous, so this
 * transport is separate from the session-aware request helpers on purpose.
 */
export const USAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'Content-Type': 'application/json', Accept: 'application/json' })

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return null
  }
}

/** H5: the browser's fetch, with credentials and referrer left out. */
async function fetchUsage(payload: string): Promise<UsageTransportAnswer> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  try {
    const res = await fetch(buildUrl(USAGE_PATH), {
      method: 'POST',
      headers: { ...USAGE_HEADERS },
      body: payload,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: controller.signal,
    })
    return { status: res.status, body: parse(await res.text()), retryAfter: res.headers.get('retry-after') }
  } catch {
    return { status: 0, body: null }
  } finally {
    clearTimeout(timer)
  }
}

function header(headers: unknown, name: string): string | null {
  if (typeof headers !== 'object' || headers === null) return null
  const found = Object.entries(headers as Record<string, unknown>).find(([k]) => k.toLowerCase() === name)
  return found && typeof found[1] === 'string' ? found[1] : null
}

/** Mini-program: Taro.request (wx.request keeps no cookies), the payload sent as the text it is. */
async function taroUsage(payload: string): Promise<UsageTransportAnswer> {
  try {
    const res = await Taro.request<unknown>({
      url: buildUrl(USAGE_PATH),
      method: 'POST',
      data: payload,
      header: { ...USAGE_HEADERS },
      dataType: 'json',
      timeout: TIMEOUT_MS,
    })
    return { status: res.statusCode, body: typeof res.data === 'string' ? parse(res.data) : (res.data ?? null), retryAfter: header(res.header, 'retry-after') }
  } catch {
    return { status: 0, body: null }
  }
}

/** POST /v1/usage with the platform's transport. */
export const postUsage: UsageTransport = (payload) => (process.env.TARO_ENV === 'h5' ? fetchUsage(payload) : taroUsage(payload))
