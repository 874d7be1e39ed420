import type { Static } from 'typebox'
import type { ConformanceRun } from '../conformance-run'
import { UNKNOWN, chinaDates } from '../suite-inputs'
import type { TrafficFixturesSchema } from './fixtures'
import type { operations } from './operations'

type Op = (typeof operations)[number]['name']

/** traffic@1: the fixture vehicle's violations and one of them, a wrong-amount payment, unknown ids, the licence's points. */
export async function trafficSuite(run: ConformanceRun<Op>, f: Static<typeof TrafficFixturesSchema>, now: number): Promise<Op> {
  const list = await run.good<{ violations: { id: string; fineFen: number }[] }>('listViolations', {
    body: { plate: f.plate, plateType: f.plateType, engineTail: f.engineTail },
  })
  const first = list?.violations[0]
  // Independent cases go out together: a slow agency costs one round trip per step, not per case.
  await Promise.all([
    first && run.good('getViolation', { params: { violationId: first.id } }, 'getViolation of the first listed violation'),
    first && run.rule('payViolation', { body: { violationId: first.id, orderId: 'onecity-review-0001', amountFen: 1 } },
      { status: 422, code: 'AMOUNT_MISMATCH' }, 'payViolation with a wrong amount (nothing is paid)'),
    run.rule('getViolation', { params: { violationId: UNKNOWN.violation } }, { status: 404, code: 'VIOLATION_NOT_FOUND' }, 'getViolation of an unknown id'),
    run.rule('payViolation', { body: { violationId: UNKNOWN.violation, orderId: 'onecity-review-0002', amountFen: 100 } },
      { status: 404, code: 'VIOLATION_NOT_FOUND' }, 'payViolation of an unknown violation'),
    run.good('getLicencePoints', { body: { licenceNo: f.licenceNo } }),
    run.rule('getLicencePoints', { body: { licenceNo: `110101${chinaDates(now).day.slice(0, 4)}0101001X` } },
      { status: 404, code: 'LICENCE_NOT_FOUND' }, 'getLicencePoints of a licence no one holds (born this year)'),
  ])
  return 'listViolations'
}
