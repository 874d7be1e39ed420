import { formatYuan } from './money'

/** The totals the traffic service sends with a vehicle's violations. */
export interface ViolationTotals {
  count: number
  unpaidCount: number
  unpaidFineFen: number
  unpaidPoints: number
}

/** One line about a vehicle: "2 条未缴款 · 罚款 400.00 元 · 记 6 分", or that there is nothing to do. */
export function summarizeViolations(totals: ViolationTotals): string {
  if (totals.unpaidCount > 0) {
    return `${totals.unpaidCount} 条未缴款 · 罚款 ${formatYuan(totals.unpaidFineFen)} · 记 ${totals.unpaidPoints} 分`
  }
  if (totals.count > 0) return `共 ${totals.count} 条违法记录，均已缴款或处理中`
  return '暂无违法记录'
}
