import { defineContract } from '../contract-descriptor'
import { PersonFixturesSchema } from '../fixture-fields'
import { HOUSING_FUND_DEMO } from './demo'
import { HOUSING_FUND_ERRORS } from './errors'
import { CONTRACT, operations } from './operations'
import { housingFundSuite } from './suite'

export * from './errors'
export * from './operations'

/** housing-fund@1 (公积金): account, deposit records, loans, withdrawal reasons and eligibility. */
export const housingFundContract = defineContract({
  id: CONTRACT,
  name: '公积金',
  audience: 'citizen',
  operations,
  errors: HOUSING_FUND_ERRORS,
  fixtures: PersonFixturesSchema,
  suite: housingFundSuite,
  demo: HOUSING_FUND_DEMO,
})
