import type { UsageAnswer } from './usage-batch'

/** What to do with a batch after one try. */
export type UsageOutcome =
  /** 200: counted (or already counted); the answer carries the server's month. */
  | { kind: 'acknowledged'; answer: UsageAnswer }
  /** A 4xx other than 408/429: this batch will never be accepted; drop it, do not retry. */
  | { kind: 'rejected'; status: number; code?: string }
  /** No answer, 408, 429 or 5xx: the same batch later. `retryAfterMs` from the server's Retry-After. */
  | { kind: 'retry'; status: number; code?: string; retryAfterMs?: number }

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

function isAnswer(body: unknown): body is UsageAnswer {
  if (typeof body !== 'object' || body === null) return false
  const b = body as Record<string, unknown>
  return typeof b.month === 'string' && MONTH.test(b.month) && Number.isInteger(b.accepted) && Number.isInteger(b.duplicates)
}

function errorCode(body: unknown): string | undefined {
  const error = typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown } }).error : undefined
  return typeof error?.code === 'string' ? error.code : undefined
}

/** Retry-After as seconds or as an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined | null, now: number): number | undefined {
  if (!header) return undefined
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/**
 * Reads POST /v1/usage's answer (`status` 0: none arrived). A 200 whose body
 * is not the usage answer (a captive portal, a proxy) is not taken as an
 * acknowledgement: the batch is tried again and counted once by its id.
 */
export function classifyUsageAnswer(status: number, body: unknown, retryAfter?: number): UsageOutcome {
  const code = errorCode(body)
  if (status === 200 && isAnswer(body)) return { kind: 'acknowledged', answer: { month: body.month, accepted: body.accepted, duplicates: body.duplicates } }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return { kind: 'rejected', status, ...(code ? { code } : {}) }
  return { kind: 'retry', status, ...(code ? { code } : {}), ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}) }
}
