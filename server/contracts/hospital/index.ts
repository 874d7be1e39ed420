import { defineContract } from '../contract-descriptor'
import { HOSPITAL_DEMO } from './demo'
import { HOSPITAL_ERRORS } from './errors'
import { HospitalFixturesSchema } from './fixtures'
import { CONTRACT, operations } from './operations'
import { hospitalSuite } from './suite'

export * from './errors'
export * from './fixtures'
export * from './operations'

/** hospital@1 (预约挂号): campuses, departments, doctors, schedules, booking, visit card. */
export const hospitalContract = defineContract({
  id: CONTRACT,
  name: '预约挂号',
  audience: 'citizen',
  operations,
  errors: HOSPITAL_ERRORS,
  fixtures: HospitalFixturesSchema,
  suite: hospitalSuite,
  demo: HOSPITAL_DEMO,
})
