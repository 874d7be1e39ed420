import { isPaymentSettled } from './payment-outcome'

/** A violation's status at the traffic police (traffic@1). */
export type ViolationStatus = 'unpaid' | 'paid' | 'processing'

export const VIOLATION_STATUS_LABELS: Record<ViolationStatus, string> = {
  unpaid: '未缴款',
  paid: '已缴款',
  processing: '处理中',
}

/**
 * The status to show. A fine paid through OneCity counts as 已缴款 as soon as
 * the payment is settled, even if the agency's record has not caught up yet:
 * the citizen must never be invited to pay twice.
 */
export function violationStatusLabel(status: string, paymentStatus?: string): string {
  if (status !== 'paid' && isPaymentSettled(paymentStatus)) return VIOLATION_STATUS_LABELS.paid
  return VIOLATION_STATUS_LABELS[status as ViolationStatus] ?? VIOLATION_STATUS_LABELS.processing
}

/** True when the citizen can pay this violation online now. */
export function canPayOnline(violation: { status: string; payableOnline: boolean }, paymentStatus?: string): boolean {
  return violation.status === 'unpaid' && violation.payableOnline && !isPaymentSettled(paymentStatus)
}

/**
 * Why an unpaid violation cannot be paid online, or undefined. A paid or
 * processing violation is not payable either, but that needs no explanation.
 */
export function notPayableReason(violation: { status: string; payableOnline: boolean; notPayableReason?: string }): string | undefined {
  if (violation.status !== 'unpaid' || violation.payableOnline) return undefined
  return violation.notPayableReason ?? '请到处理机关办理'
}
