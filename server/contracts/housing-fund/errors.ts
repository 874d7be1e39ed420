/** The housing-fund@1 error codes besides COMMON_ERRORS, with their HTTP status. */
export const HOUSING_FUND_ERRORS = {
  ACCOUNT_NOT_FOUND: 404,
  INVALID_RANGE: 422,
  LOAN_NOT_FOUND: 404,
  NOT_ELIGIBLE: 422,
  AMOUNT_TOO_HIGH: 422,
  APPLICATION_PENDING: 409,
  IDEMPOTENCY_CONFLICT: 409,
} as const
export type HousingFundErrorCode = keyof typeof HOUSING_FUND_ERRORS
