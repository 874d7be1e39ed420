/** Where a 办事记录 stands (server RecordStatus). */
export type RecordStatus = 'pending' | 'paid' | 'done' | 'failed' | 'cancelled'

export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  pending: '待支付',
  paid: '已支付（待确认）',
  done: '已办结',
  failed: '未成功',
  cancelled: '已取消',
}

/** The Chinese label of a record's status; an unknown status (a newer server) reads as 处理中. */
export function recordStatusLabel(status: string): string {
  return RECORD_STATUS_LABELS[status as RecordStatus] ?? '处理中'
}
