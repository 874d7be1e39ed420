import { defineContract } from '../contract-descriptor'
import { PersonFixturesSchema } from '../fixture-fields'
import { SOCIAL_SECURITY_DEMO } from './demo'
import { SOCIAL_SECURITY_ERRORS } from './errors'
import { CONTRACT, operations } from './operations'
import { socialSecuritySuite } from './suite'

export * from './errors'
export * from './operations'

/** social-security@1 (人社): insured status, contribution records, medical account, electronic card. */
export const socialSecurityContract = defineContract({
  id: CONTRACT,
  name: '社保',
  audience: 'citizen',
  operations,
  errors: SOCIAL_SECURITY_ERRORS,
  fixtures: PersonFixturesSchema,
  suite: socialSecuritySuite,
  demo: SOCIAL_SECURITY_DEMO,
})
