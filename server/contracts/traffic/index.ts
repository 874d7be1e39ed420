import { defineContract } from '../contract-descriptor'
import { TRAFFIC_DEMO } from './demo'
import { TRAFFIC_ERRORS } from './errors'
import { TrafficFixturesSchema } from './fixtures'
import { CONTRACT, operations } from './operations'
import { trafficSuite } from './suite'

export * from './errors'
export * from './fixtures'
export * from './operations'

/** traffic@1 (交管): violations of a vehicle, paying a fine, driver licence points. */
export const trafficContract = defineContract({
  id: CONTRACT,
  name: '交通违法',
  audience: 'citizen',
  operations,
  errors: TRAFFIC_ERRORS,
  fixtures: TrafficFixturesSchema,
  suite: trafficSuite,
  demo: TRAFFIC_DEMO,
})
