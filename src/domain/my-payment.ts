/** A payment as the citizen sees it in 我的支付. */
export type MyPaymentState = 'open' | 'paid' | 'refunded' | 'closed'

/** What a payment paid for, from its subject's kind. */
export type MyPaymentItemKind = 'fine' | 'registration' | 'bill' | 'top-up' | 'other'

export const MY_PAYMENT_STATE_LABELS: Readonly<Record<MyPaymentState, string>> = {
  open: '待支付',
  paid: '已支付',
  refunded: '已退款',
  closed: '已关闭',
}

export const MY_PAYMENT_ITEM_LABELS: Readonly<Record<MyPaymentItemKind, string>> = {
  fine: '交通违法罚款',
  registration: '挂号费',
  bill: '生活缴费账单',
  'top-up': '预付费充值',
  other: '其他缴费',
}

/**
 * The citizen's state of a payment: paid and done are both 已支付 (the money
 * moved; whether the agency confirmed is the service's business), and an
 * unpaid order past its expiry is 已关闭 even before the sweep closes it,
 * since it can no longer be paid.
 */
export function myPaymentState(status: 'created' | 'paid' | 'done' | 'closed' | 'refunded', expiresAt: Date, now: Date): MyPaymentState {
  if (status === 'paid' || status === 'done') return 'paid'
  if (status === 'refunded') return 'refunded'
  if (status === 'closed' || expiresAt.getTime() <= now.getTime()) return 'closed'
  return 'open'
}

const ITEM_KINDS: Readonly<Record<string, MyPaymentItemKind>> = {
  violation: 'fine',
  appointment: 'registration',
  bills: 'bill',
  topup: 'top-up',
}

/** What a payment subject's kind (server payment subjects: violation, appointment, bills, topup) paid for. */
export function myPaymentItemKind(subjectKind: string): MyPaymentItemKind {
  return ITEM_KINDS[subjectKind] ?? 'other'
}
