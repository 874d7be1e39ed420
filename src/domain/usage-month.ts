import type { Month } from './calendar-months'
import { chinaToday } from './china-time'

/**
 * The server's month as the phone last learned it (03-index.md: the server's
 * answer carries the authoritative month, the client uses it, not its own
 * clock). The phone's clock only says when to ask again.
 */
export interface KnownMonth {
  /** YYYY-MM from the server's last answer (Asia/Shanghai). */
  month: Month
  /** Phone clock (ms) when it was learned. */
  learnedAt: number
  /** The phone's own China month when it was learned: compared only with the phone's month now, to notice the month may have turned. */
  phoneMonth: Month
}

/** A learned month older than this is asked again before it dates a record. */
export const MONTH_FRESH_MS = 6 * 60 * 60 * 1000

/** The phone's own China month at `now` (a hint, never a record's month). */
export function phoneMonth(now: number): Month {
  return chinaToday(new Date(now)).slice(0, 7)
}

/** What the phone knows after the server answered `month` at `now`. */
export function learnMonth(month: Month, now: number): KnownMonth {
  return { month, learnedAt: now, phoneMonth: phoneMonth(now) }
}

/**
 * True when `known` may still date a record at `now`: learned less than
 * MONTH_FRESH_MS ago and the phone's own month has not turned since (a phone
 * clock set wrong moves both readings alike, so only the change counts). A
 * clock that went backwards makes it stale too.
 */
export function isMonthFresh(known: KnownMonth | null, now: number): known is KnownMonth {
  if (!known) return false
  const age = now - known.learnedAt
  return age >= 0 && age < MONTH_FRESH_MS && phoneMonth(now) === known.phoneMonth
}
