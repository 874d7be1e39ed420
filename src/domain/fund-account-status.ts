/** A housing fund account's state at the fund centre (housing-fund@1). */
export type FundAccountStatus = 'normal' | 'sealed' | 'closed'

export const FUND_ACCOUNT_STATUS_LABELS: Record<FundAccountStatus, string> = {
  normal: '正常缴存',
  sealed: '封存',
  closed: '销户',
}

/** The status in Chinese; an unknown one (a newer centre) is shown as 状态未知 rather than guessed. */
export function fundAccountStatusLabel(status: string): string {
  return FUND_ACCOUNT_STATUS_LABELS[status as FundAccountStatus] ?? '状态未知'
}

/** The status-tag colour: only 正常缴存 is good news; the words carry the meaning. */
export function fundAccountStatusTone(status: string): 'done' | 'pending' | 'cancelled' {
  if (status === 'normal') return 'done'
  return status === 'sealed' ? 'pending' : 'cancelled'
}
