import type { ContributionYearT } from '../api/social-security'
import { addMonths, type Month, monthText, monthsApart } from './calendar-months'
import { INSURANCE_ORDER, insuranceTypeName } from './insurance-labels'
import type { Fen } from './money'

/** One insurance's contribution in a month. */
export interface ContributionPart {
  type: string
  typeName: string
  baseFen: Fen
  personalFen: Fen
  employerFen: Fen
}

/** One month of a contribution year as the records page lists it. */
export interface ContributionMonth {
  month: Month
  /** 2025年03月 */
  label: string
  /** False for a month with no record at all: a gap (未缴费, 断缴). */
  paid: boolean
  /** 参保单位 of the month's records (usually one). */
  employers: string[]
  /** The base when every insurance used the same one, as is usual; otherwise each part says its own. */
  baseFen?: Fen
  /** Per insurance, in the bureaus' order (养老, 医疗, 失业, 工伤, 生育). */
  parts: ContributionPart[]
  personalFen: Fen
  employerFen: Fen
}

const typeRank = (type: string) => {
  const i = INSURANCE_ORDER.indexOf(type as (typeof INSURANCE_ORDER)[number])
  return i < 0 ? INSURANCE_ORDER.length : i
}

/** What, besides the records, decides which months are gaps. */
export interface ContributionMonthsContext {
  /** The citizen's first contribution ever: earlier months are not gaps (they were not insured yet). */
  firstMonth?: Month
  /**
   * This month in China. The platform asks for the current year up to this
   * month, but a month's contribution is recorded only in the next one, so
   * this month without records is not a gap either.
   */
  currentMonth?: Month
}

/**
 * The months of one contribution year, newest first: every month from the
 * year's `from` to its `to`, each with its per-insurance amounts and totals,
 * and a month without records marked unpaid, so a gap (断缴) shows rather
 * than silently missing. Months without records that cannot be gaps (see
 * the context) are left out; a month with records is always listed.
 */
export function contributionMonths(year: Pick<ContributionYearT, 'from' | 'to' | 'records'>, context: ContributionMonthsContext = {}): ContributionMonth[] {
  const { firstMonth, currentMonth } = context
  const byMonth = new Map<Month, ContributionYearT['records']>()
  for (const record of year.records) {
    const list = byMonth.get(record.month)
    if (list) list.push(record)
    else byMonth.set(record.month, [record])
  }
  const rows: ContributionMonth[] = []
  const count = monthsApart(year.from, year.to)
  for (let i = count; i >= 0; i--) {
    const month = addMonths(year.from, i)
    const records = byMonth.get(month) ?? []
    if (records.length === 0 && ((firstMonth !== undefined && month < firstMonth) || (currentMonth !== undefined && month >= currentMonth))) continue
    const parts = records
      .map((r) => ({ type: r.type, typeName: insuranceTypeName(r.type), baseFen: r.baseFen, personalFen: r.personalFen, employerFen: r.employerFen }))
      .sort((a, b) => typeRank(a.type) - typeRank(b.type))
    const bases = new Set(parts.map((p) => p.baseFen))
    rows.push({
      month,
      label: monthText(month),
      paid: records.length > 0,
      employers: [...new Set(records.map((r) => r.employer))],
      baseFen: bases.size === 1 ? parts[0]!.baseFen : undefined,
      parts,
      personalFen: parts.reduce((sum, p) => sum + p.personalFen, 0),
      employerFen: parts.reduce((sum, p) => sum + p.employerFen, 0),
    })
  }
  return rows
}
