import type { Static } from 'typebox'
import type { ConformanceRun } from '../conformance-run'
import type { PersonFixturesSchema } from '../fixture-fields'
import { UNKNOWN, chinaDates } from '../suite-inputs'
import type { operations } from './operations'

type Op = (typeof operations)[number]['name']

/** housing-fund@1: every lookup of the fixture person, an unknown loan, a withdrawal above any balance, the first loan's schedule. */
export async function housingFundSuite(run: ConformanceRun<Op>, f: Static<typeof PersonFixturesSchema>, now: number): Promise<Op> {
  const { month, yearAgo } = chinaDates(now)
  const idNumber = f.idNumber
  const [, , loans] = await Promise.all([
    run.good('getAccount', { body: { idNumber } }),
    run.good('getAccountNumber', { body: { idNumber } }),
    run.good<{ loans: { loanId: string }[] }>('listLoans', { body: { idNumber } }),
    run.good('listDeposits', { body: { idNumber, from: yearAgo, to: month } }),
    run.good('getWithdrawalEligibility', { body: { idNumber } }),
    run.rule('getLoanSchedule', { body: { idNumber, loanId: UNKNOWN.loan } }, { status: 404, code: 'LOAN_NOT_FOUND' }, 'getLoanSchedule of an unknown loan'),
    run.rule('applyWithdrawal', { body: { idNumber, reason: 'major-illness', amountFen: 1_000_000_000_000, requestId: `onecity-review-${now}` } },
      { status: 422, code: 'AMOUNT_TOO_HIGH' }, 'applyWithdrawal of more than any balance (nothing is withdrawn)'),
  ])
  const loanId = loans?.loans[0]?.loanId
  if (loanId) await run.good('getLoanSchedule', { body: { idNumber, loanId } }, 'getLoanSchedule of the first listed loan')
  return 'getAccount'
}
