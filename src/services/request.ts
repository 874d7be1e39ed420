import { httpRequest, type HttpResponse } from './http'

/**
 * Where the API lives. The H5 build is served by the platform itself, so it
 * calls its own origin; the mini-program needs an absolute base, set at build
 * time through TARO_APP_API_BASE (public, like every TARO_APP_* value).
 */
export const API_BASE: string = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000')

/** The platform's uniform error body (04-platform.md). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: ApiErrorDetail[] }
}
export interface ApiErrorDetail {
  path: string
  message: string
}

/** Codes the client itself produces when the server gave no error body. */
export const NETWORK_ERROR = 'NETWORK_ERROR'
export const BAD_RESPONSE = 'BAD_RESPONSE'

/** A failed API call: the server's stable code and a message a citizen can read. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    /** Stable machine-readable code, e.g. CITY_NOT_FOUND, or NETWORK_ERROR. */
    readonly code: string,
    /** Chinese message to show in the app. */
    message: string,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly details: ApiErrorDetail[] = [],
    /** The server's full message (English and Chinese), for logs. */
    readonly serverMessage = message,
  ) {
    super(message)
  }
}

const HAS_CHINESE = /[\u4e00-\u9fff]/

/**
 * The Chinese half of a bilingual server message ("City not found / 未找到城市"
 * → "未找到城市"; agencies sometimes put Chinese first: "现场处罚 / on-site
 * ticket" → "现场处罚"); several validation messages are joined with "; ".
 * A message without Chinese is returned unchanged.
 */
export function chineseMessage(message: string): string {
  const parts = message.split(/;\s*/).map((part) => {
    const halves = part.split(' / ')
    const zh = halves.slice(1).reverse().find((h) => HAS_CHINESE.test(h)) ?? (halves.length > 1 && HAS_CHINESE.test(halves[0]!) ? halves[0] : undefined)
    return (zh ?? part).trim()
  })
  return parts.filter(Boolean).join('；')
}

function isErrorBody(data: unknown): data is ApiErrorBody {
  if (typeof data !== 'object' || data === null) return false
  const error = (data as { error?: unknown }).error
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && typeof (error as { message?: unknown }).message === 'string'
}

/** Turns a non-2xx answer into an ApiError, using the platform's error body when there is one. */
export function toApiError(status: number, data: unknown): ApiError {
  if (isErrorBody(data)) {
    const { code, message, details } = data.error
    return new ApiError(code, chineseMessage(message), status, Array.isArray(details) ? details : [], message)
  }
  return new ApiError(status >= 500 ? 'HTTP_' + status : BAD_RESPONSE, `服务暂时不可用（${status}），请稍后重试`, status)
}

export type QueryValue = string | number | boolean | undefined
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Record<string, QueryValue>
  data?: unknown
  /** Extra headers (the session's Authorization). */
  headers?: Record<string, string>
  /** Milliseconds before the call is abandoned. */
  timeout?: number
}

/** `path` with the query string appended; undefined values are left out. */
export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return API_BASE + path + (pairs.length ? (path.includes('?') ? '&' : '?') + pairs.join('&') : '')
}

/**
 * Calls the platform API and resolves with the JSON body of a 2xx answer
 * (undefined for 204 No Content, e.g. DELETE). Rejects with an
 * {@link ApiError} for an error answer (the server's code and Chinese
 * message) or when the network fails (code NETWORK_ERROR).
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let res: HttpResponse
  try {
    res = await httpRequest({
      url: buildUrl(path, options.query),
      method: options.method ?? 'GET',
      data: options.data,
      headers: options.headers,
      timeout: options.timeout ?? 15_000,
    })
  } catch {
    throw new ApiError(NETWORK_ERROR, '网络连接失败，请检查网络后重试', 0)
  }
  if (res.statusCode === 204) return undefined as T
  if (res.statusCode >= 200 && res.statusCode < 300) {
    if (typeof res.data !== 'object' || res.data === null) throw new ApiError(BAD_RESPONSE, '服务返回的数据无法识别，请稍后重试', res.statusCode)
    return res.data as T
  }
  throw toApiError(res.statusCode, res.data)
}

/**
 * True when the same call may well succeed later: no answer at all, or the
 * platform or an agency behind it failed or timed out (5xx). Worth a 重试.
 */
export function isTemporaryFailure(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500)
}

/** A message for any error a call can throw, for display. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return '出了点问题，请稍后重试'
}
