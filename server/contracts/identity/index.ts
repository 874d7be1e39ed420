import { defineContract } from '../contract-descriptor'
import { PersonFixturesSchema } from '../fixture-fields'
import { IDENTITY_DEMO } from './demo'
import { IDENTITY_ERRORS } from './errors'
import { CONTRACT, operations } from './operations'
import { identitySuite } from './suite'

export * from './errors'
export * from './operations'

/** identity@1 (公安实名): does this name belong to this ID number? The platform's own real-name check. */
export const identityContract = defineContract({
  id: CONTRACT,
  name: '实名核验',
  audience: 'platform',
  operations,
  errors: IDENTITY_ERRORS,
  fixtures: PersonFixturesSchema,
  suite: identitySuite,
  demo: IDENTITY_DEMO,
})
