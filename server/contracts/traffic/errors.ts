/** The traffic@1 error codes besides COMMON_ERRORS, with their HTTP status. */
export const TRAFFIC_ERRORS = {
  VEHICLE_NOT_FOUND: 404,
  VIOLATION_NOT_FOUND: 404,
  LICENCE_NOT_FOUND: 404,
  NOT_PAYABLE_ONLINE: 422,
  AMOUNT_MISMATCH: 422,
  ALREADY_PAID: 409,
  ORDER_CONFLICT: 409,
} as const
export type TrafficErrorCode = keyof typeof TRAFFIC_ERRORS
