import { type Static, Type } from 'typebox'
import { strict, literals, DateTime, IsoDate, Month, Fen, MaskedTail } from './common'

/**
 * 公积金 as the app sees it: the fund centre's answers (housing-fund@1) for
 * the verified citizen, deposit records one calendar year at a time, and
 * withdrawal applications that become 办事记录.
 */

// The fund centre's answers (housing-fund@1) that the app sees as they are: the
// contract's operations (server/contracts/housing-fund) answer these very schemas.

export const ACCOUNT_STATUSES = ['normal', 'sealed', 'closed'] as const
export const WITHDRAWAL_REASONS = ['rent', 'purchase', 'loan-repayment', 'retirement', 'major-illness', 'leave-city'] as const

export const Account = Type.Object(
  {
    accountNo: MaskedTail({ description: '个人公积金账号, masked to its last 4' }),
    status: literals(ACCOUNT_STATUSES, { description: 'normal 正常缴存, sealed 封存, closed 销户' }),
    balanceFen: Fen(),
    monthlyDepositFen: Fen({ description: 'personal + employer part per month' }),
    personalMonthlyFen: Fen({ description: 'the employee’s part: base × personal rate' }),
    employerMonthlyFen: Fen({ description: 'the employer’s part: base × employer rate' }),
    depositBaseFen: Fen({ description: '缴存基数' }),
    personalRateBp: Type.Integer({ minimum: 0, maximum: 1200, description: 'personal rate, basis points (5%–12%)' }),
    employerRateBp: Type.Integer({ minimum: 0, maximum: 1200 }),
    lastDepositMonth: Month(),
    openedMonth: Month(),
    employer: Type.String(),
  },
  { ...strict, $id: 'housing-fund.Account' },
)

export const AccountNumber = Type.Object(
  { accountNo: Type.String({ pattern: '^[0-9]{12}$', description: 'the full account number, asked for only when the holder taps to see it' }) },
  { ...strict, $id: 'housing-fund.AccountNumber' },
)

export const DepositList = Type.Object(
  {
    records: Type.Array(
      Type.Object(
        {
          month: Month(),
          kind: literals(['deposit', 'interest', 'withdrawal'] as const, { description: '汇缴, 结息, 提取' }),
          amountFen: Fen(),
          balanceAfterFen: Fen(),
          note: Type.String(),
        },
        strict,
      ),
      { description: 'oldest first' },
    ),
  },
  { ...strict, $id: 'housing-fund.DepositList' },
)

export const LoanList = Type.Object(
  {
    loans: Type.Array(
      Type.Object(
        {
          loanId: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'opaque id for getLoanSchedule (the loan number itself is masked)' }),
          loanNo: MaskedTail(),
          status: literals(['repaying', 'settled'] as const),
          principalFen: Fen(),
          balanceFen: Fen({ description: 'principal still owed' }),
          annualRateBp: Type.Integer({ minimum: 0, maximum: 1000, description: 'e.g. 285 = 2.85%' }),
          termMonths: Type.Integer({ minimum: 1, maximum: 360 }),
          paidMonths: Type.Integer({ minimum: 0 }),
          method: literals(['equal-instalment', 'equal-principal'] as const, { description: '等额本息 / 等额本金' }),
          nextPaymentFen: Fen({ description: '0 when settled' }),
          nextPaymentDate: Type.Optional(IsoDate()),
          startMonth: Month(),
        },
        strict,
      ),
    ),
  },
  { ...strict, $id: 'housing-fund.LoanList' },
)

export const LoanSchedule = Type.Object(
  {
    loanId: Type.String({ pattern: '^[0-9a-f]{16}$' }),
    rows: Type.Array(
      Type.Object(
        {
          period: Type.Integer({ minimum: 1, maximum: 360 }),
          dueDate: IsoDate(),
          paymentFen: Fen(),
          principalFen: Fen(),
          interestFen: Fen(),
          balanceFen: Fen({ description: 'principal owed after this payment' }),
          status: literals(['paid', 'upcoming'] as const),
        },
        strict,
      ),
      { description: 'every period of the term, oldest first' },
    ),
  },
  { ...strict, $id: 'housing-fund.LoanSchedule' },
)

export const WithdrawalEligibility = Type.Object(
  {
    reasons: Type.Array(
      Type.Object(
        {
          code: literals(WITHDRAWAL_REASONS),
          name: Type.String(),
          eligible: Type.Boolean(),
          why: Type.Optional(Type.String({ description: 'why not (only when not eligible)' })),
          maxAmountFen: Fen({ description: '0 when not eligible' }),
          materials: Type.Array(Type.String()),
        },
        strict,
      ),
    ),
  },
  { ...strict, $id: 'housing-fund.WithdrawalEligibility' },
)

export const WithdrawalApplication = Type.Object(
  {
    applicationNo: Type.String({ pattern: '^[0-9]{16}$' }),
    reason: literals(WITHDRAWAL_REASONS),
    reasonName: Type.String(),
    amountFen: Fen(),
    status: literals(['approved', 'reviewing'] as const, { description: 'approved 已到账办结 (paid to the registered bank card), reviewing 待审核 (materials to be checked at the counter)' }),
    submittedAt: DateTime(),
    message: Type.String({ description: 'what happens next, in Chinese' }),
  },
  { ...strict, $id: 'housing-fund.WithdrawalApplication' },
)

export type AccountT = Static<typeof Account>
export type DepositT = Static<typeof DepositList>['records'][number]
export type LoanT = Static<typeof LoanList>['loans'][number]
export type WithdrawalReasonT = Static<typeof WithdrawalEligibility>['reasons'][number]
export type LoanScheduleT = Static<typeof LoanSchedule>
export type WithdrawalApplicationT = Static<typeof WithdrawalApplication>
export type WithdrawalReasonCode = (typeof WITHDRAWAL_REASONS)[number]

// What the platform's routes take and answer.
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
