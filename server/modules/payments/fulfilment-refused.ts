/**
 * Thrown by a fulfiller when the service's agency will never record this
 * paid order (e.g. the bill was paid at a counter meanwhile): the payments
 * module then refunds it in full with `reason` instead of retrying.
 */
export class FulfilmentRefused extends Error {
  /**
   * @param code the agency's error code, for the log
   * @param reason why, in Chinese, on the citizen's refund record (e.g. 账单已在其他渠道缴纳)
   */
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(`the agency refused the payment for good (${code})`)
    this.name = 'FulfilmentRefused'
  }
}
