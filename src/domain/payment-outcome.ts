/** A platform payment's status (server PaymentStatus). */
export type PaymentStatus = 'created' | 'paid' | 'done' | 'closed'

/**
 * True once the money has moved: paid (WeChat Pay's notify arrived) or done
 * (the agency confirmed too). created and closed mean nothing was charged.
 */
export function isPaymentSettled(status: string | undefined): boolean {
  return status === 'paid' || status === 'done'
}

/** What the citizen is told when they come back from the cashier without paying. */
export const PAYMENT_UNFINISHED_MESSAGE = '支付未完成，罚款仍未缴纳，可重新缴款'
