/** The utilities@1 error codes besides COMMON_ERRORS, with their HTTP status. */
export const UTILITIES_ERRORS = {
  PROVIDER_NOT_FOUND: 404,
  ACCOUNT_NOT_FOUND: 404,
  BILL_NOT_FOUND: 404,
  BILL_ALREADY_PAID: 409,
  ORDER_CONFLICT: 409,
  AMOUNT_MISMATCH: 422,
  NOT_PREPAID: 422,
  INVALID_RANGE: 422,
} as const
export type UtilitiesErrorCode = keyof typeof UTILITIES_ERRORS
