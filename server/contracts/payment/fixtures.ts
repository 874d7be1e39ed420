import { Type } from 'typebox'
import { strict } from '../../../src/api/common'

/** The amount of the test order the payment@1 suite creates (and never pays). */
export const PaymentFixturesSchema = Type.Object(
  { amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'test order amount in fen (分)' }) },
  strict,
)
