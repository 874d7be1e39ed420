import type { FastifyInstance } from 'fastify'

/** The platform's uniform error body (04-platform.md), as the console shows it. */
export interface ApiError {
  code: string
  message: string
  details: { path: string; message: string }[]
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError }

export type ApiMethod = 'GET' | 'POST' | 'DELETE'

/** Who the console calls the API as: the signed-in user's token, from the user's own address (so per-address limits count them). */
export interface ApiCaller {
  token: string
  address: string
}

/**
 * A payload sent as it is, with its own content type (an analyst's CSV
 * upload), where every other payload is sent as JSON.
 */
export class RawPayload {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

// Answers in a text format of their own (?format=csv) are handed over as their text; JSON, and every error, is parsed.
const isPlainText = (contentType: string | undefined) => /^text\//i.test(contentType ?? '')

/**
 * Calls the platform's own JSON API in-process with the signed-in user's
 * token, so every console page is allowed exactly what the API allows that
 * token. A payload is sent as JSON whatever its shape (the API, not the
 * console, decides what is acceptable), unless it is a RawPayload. A
 * successful text/* answer (CSV) comes back as its text: call with T = string.
 */
export async function callApi<T>(app: FastifyInstance, caller: ApiCaller, method: ApiMethod, url: string, payload?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${caller.token}` }
  let body: string | undefined
  if (payload instanceof RawPayload) {
    headers['content-type'] = payload.contentType
    body = payload.text
  } else if (payload !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(payload)
  }
  const res = await app.inject({ method, url, headers, remoteAddress: caller.address, ...(body !== undefined ? { payload: body } : {}) })
  const contentType = res.headers['content-type']
  if (res.statusCode < 400 && isPlainText(typeof contentType === 'string' ? contentType : undefined)) {
    return { ok: true, status: res.statusCode, data: res.body as T }
  }
  let answer: unknown = null
  if (res.body !== '') {
    try {
      answer = JSON.parse(res.body)
    } catch {
      return { ok: false, status: 502, error: { code: 'BAD_ANSWER', message: `接口返回了无法解析的内容（HTTP ${res.statusCode}）`, details: [] } }
    }
  }
  if (res.statusCode < 400) return { ok: true, status: res.statusCode, data: answer as T }
  const error = (answer as { error?: Partial<ApiError> } | null)?.error
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
