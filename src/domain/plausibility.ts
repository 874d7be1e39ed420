import { isSmallCount } from './suppression'

/**
 * Plausibility of the usage counters (03-index.md: records can be forged,
 * so the server checks plausibility). A person counted as returning in
 * month M was active in M−1 in the same scope, so returning(M) can never
 * exceed actives(M−1): only forged records, or a phone whose storage was
 * restored after the server's counts were made, produce that. Such a month's
 * return rate is withheld, not capped: a capped 100% would still give forged
 * data the best score there is. The flag is shown instead, with the reason.
 */

/** Why a figure was withheld as implausible. */
export const RETURNING_EXCEEDS_LAST_MONTH = 'RETURNING_EXCEEDS_LAST_MONTH'

export interface PlausibilityFlag {
  /** The month whose return rate is withheld. */
  month: string
  code: typeof RETURNING_EXCEEDS_LAST_MONTH
  /** Chinese, then English: what is wrong and what was done about it. */
  reason: string
}

/** The reason as analysts read it. */
export const RETURNING_REASON =
  '回流人数多于上月活跃人数：只有伪造的记录（或恢复了旧存储的手机）才会如此，本月回流率不公布、不计入均值 / returning exceeds last month’s actives (only forged or restored-storage records do that): this month’s return rate is withheld and left out of means'

/**
 * The flag of month M when returning(M) > actives(M−1), else undefined. A
 * returning count that is itself a small cell (1..k−1) is withheld anyway and
 * not flagged, so the flag tells nothing a suppressed cell hides: a flagged
 * returning count is at least k, and a last month below it is then either
 * published or a small cell known to be below k already.
 */
export function returningFlag(month: string, returning: number, lastMonthActives: number, k: number): PlausibilityFlag | undefined {
  if (returning <= lastMonthActives || returning === 0 || isSmallCount(returning, k)) return undefined
  return { month, code: RETURNING_EXCEEDS_LAST_MONTH, reason: RETURNING_REASON }
}
