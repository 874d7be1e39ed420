import { lateFeeFen } from './late-fee'

interface Listed {
  time: string
  fineFen: number
  status: string
}

/** A violation with what paying it now costs. */
export type WithDue<V> = V & { lateFeeFen: number; payableFen: number }

/**
 * A vehicle's violations with what paying each now costs (罚款 + 滞纳金, the
 * late fee counted from when it happened, as the traffic police count it for
 * 应缴金额), and the summary's totals with the unpaid late fees, so a list says
 * the same amount as the violation's page. Paid and processing ones cost 0.
 */
export function withDues<V extends Listed, T extends object>(
  list: { violations: V[]; summary: T },
  nowMs: number,
): { violations: WithDue<V>[]; summary: T & { unpaidLateFeeFen: number; unpaidPayableFen: number } } {
  const violations = list.violations.map((v) => {
    const lateFee = v.status === 'unpaid' ? lateFeeFen(v.fineFen, Date.parse(v.time), nowMs) : 0
    return { ...v, lateFeeFen: lateFee, payableFen: v.status === 'unpaid' ? v.fineFen + lateFee : 0 }
  })
  return {
    violations,
    summary: {
      ...list.summary,
      unpaidLateFeeFen: violations.reduce((n, v) => n + v.lateFeeFen, 0),
      unpaidPayableFen: violations.reduce((n, v) => n + v.payableFen, 0),
    },
  }
}
