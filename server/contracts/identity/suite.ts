import type { Static } from 'typebox'
import type { ConformanceRun } from '../conformance-run'
import type { PersonFixturesSchema } from '../fixture-fields'
import type { operations } from './operations'

type Op = (typeof operations)[number]['name']

/** identity@1: verifying the fixture person. */
export async function identitySuite(run: ConformanceRun<Op>, f: Static<typeof PersonFixturesSchema>): Promise<Op> {
  await run.good('verify', { body: { name: f.name, idNumber: f.idNumber } })
  return 'verify'
}
