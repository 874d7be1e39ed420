import type { Static } from 'typebox'
import type { ConformanceRun } from '../conformance-run'
import type { PersonFixturesSchema } from '../fixture-fields'
import { chinaDates } from '../suite-inputs'
import type { operations } from './operations'

type Op = (typeof operations)[number]['name']

/** social-security@1: every lookup of the fixture person, contributions over the last year. */
export async function socialSecuritySuite(run: ConformanceRun<Op>, f: Static<typeof PersonFixturesSchema>, now: number): Promise<Op> {
  const { month, yearAgo } = chinaDates(now)
  await run.good('getInsuredStatus', { body: { idNumber: f.idNumber } })
  await run.good('listContributions', { body: { idNumber: f.idNumber, from: yearAgo, to: month } })
  await run.good('getMedicalAccount', { body: { idNumber: f.idNumber } })
  await run.good('getECard', { body: { name: f.name, idNumber: f.idNumber } })
  return 'getInsuredStatus'
}
