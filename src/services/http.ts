import Taro from '@tarojs/taro'

export interface HttpRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  data?: unknown
  /** Extra headers, e.g. Authorization for the citizen's session. */
  headers?: Record<string, string>
  timeout: number
}

export interface HttpResponse {
  statusCode: number
  /** Parsed JSON body; null when the body was empty or not JSON. */
  data: unknown
}

/** The network failed or the call timed out: there is no answer to read. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
}

function headers(req: HttpRequest): Record<string, string> {
  const base: Record<string, string> =
    req.data === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' }
  return { ...base, ...req.headers }
}

/**
 * H5 transport on the browser's own fetch: Taro.request on H5 ships fetch,
 * AbortController and JSONP polyfills the browsers we serve do not need.
 */
export async function fetchTransport(req: HttpRequest): Promise<HttpResponse> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), req.timeout)
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: headers(req),
      body: req.data === undefined ? undefined : JSON.stringify(req.data),
      signal: controller.signal,
    })
    const text = await res.text()
    let data: unknown = null
    try {
      data = text ? JSON.parse(text) : null
    } catch {
      data = null
    }
    return { statusCode: res.status, data }
  } catch {
    throw new NetworkError('fetch failed')
  } finally {
    clearTimeout(timer)
  }
}

/** Mini-program transport: Taro.request (wx.request), which resolves for every HTTP status. */
export async function taroTransport(req: HttpRequest): Promise<HttpResponse> {
  try {
    const res = await Taro.request<TaroGeneral.IAnyObject>({
      url: req.url,
      method: req.method,
      data: req.data as TaroGeneral.IAnyObject | undefined,
      header: headers(req),
      dataType: 'json',
      timeout: req.timeout,
    })
    return { statusCode: res.statusCode, data: res.data ?? null }
  } catch {
    throw new NetworkError('request failed')
  }
}

/** Sends one HTTP request with the platform's transport. Rejects with NetworkError when there is no answer. */
export function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  return process.env.TARO_ENV === 'h5' ? fetchTransport(req) : taroTransport(req)
}
