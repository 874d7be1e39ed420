import { defineContract } from '../contract-descriptor'
import { PAYMENT_DEMO } from './demo'
import { PAYMENT_ERRORS } from './errors'
import { PaymentFixturesSchema } from './fixtures'
import { CONTRACT, operations } from './operations'
import { paymentSuite } from './suite'

export * from './errors'
export * from './fixtures'
export * from './operations'

/** payment@1 (WeChat Pay-like): orders, refunds and the signed payment callback. The platform's own payments. */
export const paymentContract = defineContract({
  id: CONTRACT,
  name: '支付',
  audience: 'platform',
  operations,
  errors: PAYMENT_ERRORS,
  fixtures: PaymentFixturesSchema,
  suite: paymentSuite,
  demo: PAYMENT_DEMO,
})
