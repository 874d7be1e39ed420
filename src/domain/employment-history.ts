import type { InsuredViewT } from '../api/social-security'
import { addMonths, type Month, monthsApart } from './calendar-months'

type Employment = InsuredViewT['employments'][number]

/** 参保单位 history as the app lists it: the periods, and the gaps (断缴) between them. */
export type EmploymentEntry =
  | { kind: 'period'; employer: string; from: Month; to?: Month; flexible: boolean }
  | { kind: 'gap'; from: Month; to: Month; months: number }

/**
 * The contribution periods newest first, with a gap entry wherever a period
 * starts more than a month after every earlier one has ended. Periods that
 * touch or overlap (a job change within a month, two part-time employers)
 * leave no gap, and nothing after an ongoing period is a gap. The agency's
 * order is not relied on: periods are sorted by their start.
 */
export function employmentHistory(employments: readonly Employment[]): EmploymentEntry[] {
  const oldestFirst = [...employments].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  const entries: EmploymentEntry[] = []
  // The last month covered by any period so far; null once one is ongoing.
  let coveredTo: Month | null | undefined
  for (const p of oldestFirst) {
    if (typeof coveredTo === 'string') {
      const months = monthsApart(coveredTo, p.from) - 1
      if (months > 0) entries.push({ kind: 'gap', from: addMonths(coveredTo, 1), to: addMonths(p.from, -1), months })
    }
    entries.push({ kind: 'period', employer: p.employer, from: p.from, ...(p.to === undefined ? {} : { to: p.to }), flexible: p.flexible })
    if (coveredTo !== null) coveredTo = p.to === undefined ? null : coveredTo === undefined || p.to > coveredTo ? p.to : coveredTo
  }
  return entries.reverse()
}

/**
 * The citizen's first contribution month: the earliest period's start, or
 * the earliest `since` of an insurance when the bureau lists no periods.
 * Undefined for someone never insured.
 */
export function firstContributionMonth(insured: Pick<InsuredViewT, 'employments' | 'insurances'>): Month | undefined {
  const starts = [...insured.employments.map((e) => e.from), ...insured.insurances.flatMap((i) => (i.since ? [i.since] : []))]
  return starts.length ? starts.reduce((a, b) => (b < a ? b : a)) : undefined
}
