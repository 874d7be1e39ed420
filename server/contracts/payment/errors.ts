/** The payment@1 error codes besides COMMON_ERRORS, with their HTTP status. */
export const PAYMENT_ERRORS = {
  ORDER_NOT_FOUND: 404,
  ORDER_CONFLICT: 409,
  ORDER_CLOSED: 409,
  ORDER_NOT_PAID: 409,
  REFUND_CONFLICT: 409,
  REFUND_EXCEEDS_PAID: 422,
} as const
export type PaymentErrorCode = keyof typeof PAYMENT_ERRORS
