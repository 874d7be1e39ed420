import { formatYuan } from './money'

/** The totals the platform sends with a vehicle's violations. */
export interface ViolationTotals {
  count: number
  unpaidCount: number
  unpaidFineFen: number
  unpaidPoints: number
  /** The unpaid ones' late fees now (滞纳金). */
  unpaidLateFeeFen: number
}

/**
 * What paying costs, the way the violation's page adds it up (罚款 + 滞纳金 =
 * 应缴): "罚款 200.00 元" without a late fee, else "应缴 260.00 元（罚款
 * 200.00 元 + 滞纳金 60.00 元）".
 */
export function dueText(fineFen: number, lateFeeFen: number): string {
  if (lateFeeFen <= 0) return `罚款 ${formatYuan(fineFen)}`
  return `应缴 ${formatYuan(fineFen + lateFeeFen)}（罚款 ${formatYuan(fineFen)} + 滞纳金 ${formatYuan(lateFeeFen)}）`
}

/** One line about a vehicle: "2 条未缴款 · 罚款 400.00 元 · 记 6 分" (应缴 with the late fee when there is one), or that there is nothing to do. */
export function summarizeViolations(totals: ViolationTotals): string {
  if (totals.unpaidCount > 0) {
    return `${totals.unpaidCount} 条未缴款 · ${dueText(totals.unpaidFineFen, totals.unpaidLateFeeFen)} · 记 ${totals.unpaidPoints} 分`
  }
  if (totals.count > 0) return `共 ${totals.count} 条违法记录，均已缴款或处理中`
  return '暂无违法记录'
}
