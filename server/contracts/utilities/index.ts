import { defineContract } from '../contract-descriptor'
import { UTILITIES_DEMO } from './demo'
import { UTILITIES_ERRORS } from './errors'
import { UtilitiesFixturesSchema } from './fixtures'
import { CONTRACT, operations } from './operations'
import { utilitiesSuite } from './suite'

export * from './errors'
export * from './fixtures'
export * from './operations'
export { UNKNOWN_ACCOUNT_NO } from './suite'

/** utilities@1 (生活缴费): a city's water, electricity and gas companies: accounts, bills, paying them, prepaid top-up. */
export const utilitiesContract = defineContract({
  id: CONTRACT,
  name: '生活缴费',
  audience: 'citizen',
  operations,
  errors: UTILITIES_ERRORS,
  fixtures: UtilitiesFixturesSchema,
  suite: utilitiesSuite,
  demo: UTILITIES_DEMO,
})
