/**
 * 好差评 (02-services.md): the national five levels, the tags a citizen may
 * pick for each, and which cases can be rated. Pure: shared by the app and
 * the server.
 */

export type RatingLevel = 1 | 2 | 3 | 4 | 5

export const RATING_LEVELS: readonly { level: RatingLevel; label: string; tags: readonly string[] }[] = [
  { level: 5, label: '非常满意', tags: ['办事快捷', '流程清晰', '服务热情', '一次办好'] },
  { level: 4, label: '满意', tags: ['办事较快', '指引清楚', '态度良好'] },
  { level: 3, label: '基本满意', tags: ['速度一般', '说明不够清楚', '操作有些繁琐'] },
  { level: 2, label: '不满意', tags: ['办理太慢', '流程繁琐', '说明不清', '页面出错'] },
  { level: 1, label: '非常不满意', tags: ['办理太慢', '多次跑腿', '态度差', '结果有误', '页面出错'] },
]

/** The comment's limit in characters (as a citizen counts them). */
export const RATING_COMMENT_MAX = 200

/** 非常满意 … 非常不满意 for a level; an unknown level reads as 已评价. */
export function ratingLabel(level: number): string {
  return RATING_LEVELS.find((l) => l.level === level)?.label ?? '已评价'
}

/** The tags offered for a level. */
export function ratingTags(level: number): readonly string[] {
  return RATING_LEVELS.find((l) => l.level === level)?.tags ?? []
}

/** A poor rating (差评, 1 or 2): it opens a rectification ticket. */
export function isPoorRating(level: number): boolean {
  return level <= 2
}

/** Satisfied (4 or 5), the numerator of the share satisfied. */
export function isSatisfied(level: number): boolean {
  return level >= 4
}

/**
 * Whether a 办事记录 item is 办结 and may be rated: paid (a fine or a bill),
 * done (finished booking, decided withdrawal, refund) or cancelled. Pending
 * and failed cases are still open to the citizen.
 */
export function isConcluded(status: string): boolean {
  return status === 'paid' || status === 'done' || status === 'cancelled'
}
