/** What a bill contributes to arrears: its amount, its late fee, whether it is still unpaid. */
export interface ArrearsBill {
  id: string
  month: string
  amountFen: number
  lateFeeFen: number
  status: 'unpaid' | 'paid'
}

export interface Arrears {
  count: number
  amountFen: number
  lateFeeFen: number
  /** What paying them costs now: amounts + late fees. */
  totalFen: number
  /** Months of the bills, oldest first (YYYY-MM). */
  months: string[]
}

/**
 * The arrears among `bills` (only unpaid ones count), or among the selected
 * ids when given: their amounts, late fees and the total one payment settles.
 */
export function arrearsOf(bills: readonly ArrearsBill[], selected?: ReadonlySet<string>): Arrears {
  const owed = bills.filter((b) => b.status === 'unpaid' && (!selected || selected.has(b.id)))
  const amountFen = owed.reduce((s, b) => s + b.amountFen, 0)
  const lateFeeFen = owed.reduce((s, b) => s + b.lateFeeFen, 0)
  return { count: owed.length, amountFen, lateFeeFen, totalFen: amountFen + lateFeeFen, months: owed.map((b) => b.month).sort() }
}

/** Months as a citizen reads them in a sentence: 2025年4月、5月 (the year once per run of one year). */
export function monthsText(months: readonly string[]): string {
  let year = ''
  return [...months]
    .sort()
    .map((m) => {
      const [y, mm] = m.split('-') as [string, string]
      const text = y === year ? `${Number(mm)}月` : `${y}年${Number(mm)}月`
      year = y
      return text
    })
    .join('、')
}
