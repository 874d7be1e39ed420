/** What became of a sent batch, as 我的 → 隐私与统计 shows it. */
export type UsageLogOutcome = 'acknowledged' | 'rejected' | 'retrying' | 'dropped'

/** The server's answer to one try, as far as the citizen needs it; status 0: no answer arrived. */
export interface UsageLogAnswer {
  status: number
  month?: string
  accepted?: number
  duplicates?: number
  code?: string
}

/** One batch as it was actually sent, for the citizen to read. */
export interface UsageLogEntry {
  /** ISO time (phone clock) of the last try. */
  at: string
  /** The batch id; absent for the empty batch that only asks the server's month. */
  batch?: string
  /** The JSON text sent, exactly (a resend sends the same text). */
  payload: string
  tries: number
  answer: UsageLogAnswer
  outcome: UsageLogOutcome
}

/** How many sent batches the phone shows. */
export const USAGE_LOG_LIMIT = 20

/**
 * The log after a try, newest first, at most `limit` entries. A resend of a
 * batch updates its entry (one entry per batch id, with the number of tries);
 * an empty month request in a row with the previous one replaces it, so they
 * do not push the batches out.
 */
export function logTry(log: readonly UsageLogEntry[], entry: Omit<UsageLogEntry, 'tries'>, limit = USAGE_LOG_LIMIT): UsageLogEntry[] {
  const previous = entry.batch ? log.find((e) => e.batch === entry.batch) : log[0] && !log[0].batch ? log[0] : undefined
  const tries = previous && entry.batch ? previous.tries + 1 : 1
  return [{ ...entry, tries }, ...log.filter((e) => e !== previous)].slice(0, limit)
}

/** A batch that had been sent was dropped on the phone (its month can no longer be accepted, or the queue was full). */
export function markDropped(log: readonly UsageLogEntry[], batchId: string): UsageLogEntry[] {
  return log.map((e) => (e.batch === batchId && e.outcome === 'retrying' ? { ...e, outcome: 'dropped' } : e))
}
