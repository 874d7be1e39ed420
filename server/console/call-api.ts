import type { FastifyInstance } from 'fastify'

/** The platform's uniform error body (04-platform.md), as the console shows it. */
export interface ApiError {
  code: string
  message: string
  details: { path: string; message: string }[]
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError }

export type ApiMethod = 'GET' | 'POST' | 'DELETE'

/**
 * Calls the platform's own JSON API in-process with the signed-in user's
 * token, so every console page is allowed exactly what the API allows that
 * token. A payload is sent as JSON whatever its shape: the API, not the
 * console, decides what is acceptable.
 */
export async function callApi<T>(app: FastifyInstance, token: string, method: ApiMethod, url: string, payload?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  if (payload !== undefined) headers['content-type'] = 'application/json'
  const res = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}) })
  let body: unknown = null
  if (res.body !== '') {
    try {
      body = JSON.parse(res.body)
    } catch {
      return { ok: false, status: 502, error: { code: 'BAD_ANSWER', message: `接口返回了无法解析的内容（HTTP ${res.statusCode}）`, details: [] } }
    }
  }
  if (res.statusCode < 400) return { ok: true, status: res.statusCode, data: body as T }
  const error = (body as { error?: Partial<ApiError> } | null)?.error
  return {
    ok: false,
    status: res.statusCode,
    error: {
      code: error?.code ?? 'HTTP_' + res.statusCode,
      message: error?.message ?? `接口返回 HTTP ${res.statusCode}`,
      details: Array.isArray(error?.details) ? error.details : [],
    },
  }
}
