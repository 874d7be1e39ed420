import type { Static } from 'typebox'
import type { ConformanceRun } from '../conformance-run'
import type { PersonFixturesSchema } from '../fixture-fields'
import type { FaceCheckStartedT, operations } from './operations'

type Op = (typeof operations)[number]['name']

/** A check id no agency issued (the right shape, never a real one). */
const UNKNOWN_CHECK_ID = 'onecity-conformance-unknown-check'

/** identity@1: verifying the fixture person; a face check started for them is pending until completed; an unknown check is 404. */
export async function identitySuite(run: ConformanceRun<Op>, f: Static<typeof PersonFixturesSchema>): Promise<Op> {
  const person = { name: f.name, idNumber: f.idNumber }
  await run.good('verify', { body: person })
  const started = await run.good<FaceCheckStartedT>('startFaceCheck', { body: person })
  if (started) {
    const result = await run.good<{ status: string }>('getFaceCheck', { params: { checkId: started.checkId } }, 'a check just started')
    if (result && result.status !== 'pending') run.fail('getFaceCheck', 'a check just started', `status ${result.status}, expected pending until the citizen completes it`)
  }
  await run.rule('getFaceCheck', { params: { checkId: UNKNOWN_CHECK_ID } }, { status: 404, code: 'FACE_CHECK_NOT_FOUND' }, 'an unknown check id')
  return 'verify'
}
