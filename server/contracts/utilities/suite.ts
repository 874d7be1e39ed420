import type { Static } from 'typebox'
import { addMonths } from '../../../src/domain/calendar-months'
import type { BillListT, ProviderT } from '../../../src/api/utilities'
import type { ConformanceRun } from '../conformance-run'
import { chinaDates } from '../suite-inputs'
import type { UtilitiesFixturesSchema } from './fixtures'
import type { operations } from './operations'

type Op = (typeof operations)[number]['name']

/** A 户号 no company may hold: the "not found" cases use it. */
export const UNKNOWN_ACCOUNT_NO = '0000000000'
const UNKNOWN_BILL = 'onecity-review-no-bill'

/**
 * utilities@1: every operation with the manifest's household, the "not
 * found" answers, and payments that must be refused without changing
 * anything (a wrong amount, a bill already paid, an unknown bill, a top-up
 * of an unknown account). Nothing is ever paid or topped up.
 */
export async function utilitiesSuite(run: ConformanceRun<Op>, f: Static<typeof UtilitiesFixturesSchema>, now: number): Promise<Op> {
  const { month } = chinaDates(now)
  const account = { providerId: f.providerId, accountNo: f.accountNo }
  const unknown = { providerId: f.providerId, accountNo: UNKNOWN_ACCOUNT_NO }
  // Independent cases go out together: a slow agency costs one round trip per step, not per case.
  const [providers, , bills] = await Promise.all([
    run.good<{ providers: ProviderT[] }>('listProviders', {}),
    run.good('verifyAccount', { body: account }),
    run.good<BillListT>('listBills', { body: { ...account, from: addMonths(month, -12), to: month } }),
    run.good('listPayments', { body: account }),
    run.rule('verifyAccount', { body: unknown }, { status: 404, code: 'ACCOUNT_NOT_FOUND' }, 'verifyAccount of an unknown 户号'),
    run.rule('listBills', { body: { ...account, from: month, to: addMonths(month, -1) } }, { status: 422, code: 'INVALID_RANGE' }, 'listBills with from after to'),
    run.rule('topUp', { body: { ...unknown, orderId: 'onecity-review-0003', amountFen: 1_000 } },
      { status: 404, code: 'ACCOUNT_NOT_FOUND' }, 'topUp of an unknown 户号 (nothing is topped up)'),
    run.rule('payBills', { body: { ...account, billIds: [UNKNOWN_BILL], orderId: 'onecity-review-0004', amountFen: 100 } },
      { status: 404, code: 'BILL_NOT_FOUND' }, 'payBills of an unknown bill (nothing is paid)'),
  ])
  if (providers && !providers.providers.some((p) => p.id === f.providerId)) {
    run.fail('listProviders', 'fixture company listed', `the fixture company ${f.providerId} is not in listProviders`)
  }
  const unpaid = bills?.bills.find((b) => b.status === 'unpaid')
  const paid = bills?.bills.find((b) => b.status === 'paid')
  await Promise.all([
    unpaid && run.rule('payBills', { body: { ...account, billIds: [unpaid.id], orderId: 'onecity-review-0001', amountFen: 1 } },
      { status: 422, code: 'AMOUNT_MISMATCH' }, 'payBills of the first unpaid bill with a wrong amount (nothing is paid)'),
    paid && run.rule('payBills', { body: { ...account, billIds: [paid.id], orderId: 'onecity-review-0002', amountFen: paid.amountFen } },
      { status: 409, code: 'BILL_ALREADY_PAID' }, 'payBills of a bill already paid (nothing is paid)'),
  ])
  return 'verifyAccount'
}
