import { type Static, Type } from 'typebox'
import { strict, literals } from './common'
import { Account, AccountNumber, DepositList, LoanList, LoanSchedule, WITHDRAWAL_REASONS, WithdrawalApplication, WithdrawalEligibility } from '../../server/contracts/housing-fund'

/**
 * 公积金 as the app sees it: the fund centre's answers (housing-fund@1) for
 * the verified citizen, deposit records one calendar year at a time, and
 * withdrawal applications that become 办事记录.
 */
export const ServiceParams = Type.Object({ serviceId: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) }, strict)
export const LoanParams = Type.Object({ serviceId: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }), loanId: Type.String({ pattern: '^[0-9a-f]{16}$' }) }, strict)
export const YearQuery = Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100, description: 'calendar year, China time' }) }, strict)

export const AccountView = Type.Object(Account.properties, strict)
export const AccountNumberView = Type.Object(AccountNumber.properties, strict)
export const DepositYear = Type.Object({ year: Type.Integer(), ...DepositList.properties }, strict)
export const LoansView = Type.Object(LoanList.properties, strict)
export const LoanScheduleView = Type.Object(LoanSchedule.properties, strict)
export const EligibilityView = Type.Object(WithdrawalEligibility.properties, strict)

export const WithdrawalBody = Type.Object(
  {
    reason: literals(WITHDRAWAL_REASONS),
    amountFen: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: 'fen' }),
    idempotencyKey: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$', description: 'one per application screen: a double tap or a retry is the same application' }),
  },
  strict,
)
export const WithdrawalAnswer = Type.Object({ application: Type.Object(WithdrawalApplication.properties, strict) }, strict)

export type AccountViewT = Static<typeof AccountView>
export type DepositYearT = Static<typeof DepositYear>
export type LoansViewT = Static<typeof LoansView>
export type LoanScheduleViewT = Static<typeof LoanScheduleView>
export type EligibilityViewT = Static<typeof EligibilityView>
export type WithdrawalBodyT = Static<typeof WithdrawalBody>
export type WithdrawalAnswerT = Static<typeof WithdrawalAnswer>
