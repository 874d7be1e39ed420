import { type Static, Type } from 'typebox'
import { strict } from '../../../src/api/common'
import { fixtureField } from '../fixture-fields'

/**
 * What a utilities@1 manifest gives the conformance suite: one of its
 * companies and a test household there. Best with some unpaid and some paid
 * bills, so the suite can try paying with a wrong amount and paying a paid
 * bill (both change nothing).
 */
export const UtilitiesFixturesSchema = Type.Object(
  {
    providerId: fixtureField('agencyKey', { description: 'a company id from listProviders' }),
    accountNo: Type.String({ pattern: '^[0-9]{6,16}$', description: 'a test household account (户号) at that company' }),
  },
  strict,
)
export type UtilitiesFixtures = Static<typeof UtilitiesFixturesSchema>
