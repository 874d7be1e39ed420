/** Where a withdrawal application stands at the fund centre (housing-fund@1). */
export type WithdrawalStatus = 'approved' | 'reviewing'

export const WITHDRAWAL_STATUS_LABELS: Record<WithdrawalStatus, string> = {
  approved: '已办结，资金转入登记银行卡',
  reviewing: '待审核，请携带材料到柜台',
}

/** The status in Chinese; one a newer centre sends that the app does not know reads as 处理中. */
export function withdrawalStatusLabel(status: string): string {
  return WITHDRAWAL_STATUS_LABELS[status as WithdrawalStatus] ?? '处理中'
}

/** The status-tag colour (styles/_subpage.scss); the words carry the meaning. */
export function withdrawalStatusTone(status: string): 'done' | 'pending' {
  return status === 'approved' ? 'done' : 'pending'
}
