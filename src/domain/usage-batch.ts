/**
 * The shape of POST /v1/usage (04-platform.md), shared by the app's reporter
 * and the server: one batch of active records and interaction events, with a
 * random single-use id that lets the server count a resent batch once.
 */
export const USAGE_VERSION = 1
/** Active records and events together, per batch. */
export const MAX_USAGE_RECORDS = 200
export const MAX_USAGE_BYTES = 64 * 1024
export const BATCH_ID_PATTERN = '^[A-Za-z0-9_-]{16,64}$'
export const USAGE_ACTIONS = ['open', 'submit', 'success', 'error'] as const
export type UsageAction = (typeof USAGE_ACTIONS)[number]
/** Upper bounds of the latency buckets (ms); a last bucket takes the rest. */
export const LATENCY_BUCKETS_MS = [100, 300, 1000, 3000, 10_000] as const

export interface ActiveRecord {
  scope: string
  /** YYYY-MM, the server's month (Asia/Shanghai) as the last answer gave it. */
  month: string
  /** Active in the month before too. */
  returning: boolean
  /** Never active in this scope before. */
  first: boolean
}

export interface InteractionEvent {
  service: string
  city: string
  action: UsageAction
  ms?: number
}

export interface UsageBatch {
  v: typeof USAGE_VERSION
  batch?: string
  actives?: ActiveRecord[]
  events?: InteractionEvent[]
}

export interface UsageAnswer {
  /** The server's current month (Asia/Shanghai): the client's months come from here, not its own clock. */
  month: string
  accepted: number
  duplicates: number
}

/** Index of the latency bucket of `ms`. */
export function latencyBucket(ms: number): number {
  const i = LATENCY_BUCKETS_MS.findIndex((limit) => ms <= limit)
  return i === -1 ? LATENCY_BUCKETS_MS.length : i
}
