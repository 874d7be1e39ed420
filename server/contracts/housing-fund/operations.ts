import { type Static, Type } from 'typebox'
import { defineOperations } from '../common'
import { DateTime, Fen, IdNumber, IsoDate, MaskedTail, Month, literals, strict } from '../../../src/api/common'
import { HOUSING_FUND_ERRORS } from './errors'

/** housing-fund@1 (公积金): account, deposit records, loans, withdrawal reasons and eligibility. */
export const CONTRACT = 'housing-fund@1'

export const ACCOUNT_STATUSES = ['normal', 'sealed', 'closed'] as const
export const WITHDRAWAL_REASONS = ['rent', 'purchase', 'loan-repayment', 'retirement', 'major-illness', 'leave-city'] as const

export const AccountQuery = Type.Object({ idNumber: IdNumber() }, { ...strict, $id: 'housing-fund.AccountQuery' })

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

export const DepositQuery = Type.Object(
  { idNumber: IdNumber(), from: Month(), to: Month({ description: 'inclusive; at most 60 months after from' }) },
  { ...strict, $id: 'housing-fund.DepositQuery' },
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

export const LoanScheduleQuery = Type.Object(
  { idNumber: IdNumber(), loanId: Type.String({ pattern: '^[0-9a-f]{16}$' }) },
  { ...strict, $id: 'housing-fund.LoanScheduleQuery' },
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

export const WithdrawalRequest = Type.Object(
  {
    idNumber: IdNumber(),
    reason: literals(WITHDRAWAL_REASONS),
    amountFen: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }),
    requestId: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$', description: 'the same id always gets the same application' }),
  },
  { ...strict, $id: 'housing-fund.WithdrawalRequest' },
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

export const operations = defineOperations(HOUSING_FUND_ERRORS, [
  { name: 'getAccount', summary: 'The account: balance, status, monthly deposit', method: 'POST', path: '/v1/account/query', kind: 'call', body: AccountQuery, response: Account, errors: ['ACCOUNT_NOT_FOUND'] },
  {
    name: 'listDeposits',
    summary: 'Deposit records by month (from–to, at most 60 months), with the balance after each',
    method: 'POST',
    path: '/v1/deposits/query',
    kind: 'call',
    body: DepositQuery,
    response: DepositList,
    errors: ['ACCOUNT_NOT_FOUND', 'INVALID_RANGE'],
  },
  {
    name: 'getAccountNumber',
    summary: 'The full account number, for the holder who taps to see it',
    method: 'POST',
    path: '/v1/account/number',
    kind: 'call',
    body: AccountQuery,
    response: AccountNumber,
    errors: ['ACCOUNT_NOT_FOUND'],
  },
  { name: 'listLoans', summary: 'Housing fund loans', method: 'POST', path: '/v1/loans/query', kind: 'call', body: AccountQuery, response: LoanList, errors: ['ACCOUNT_NOT_FOUND'] },
  {
    name: 'getLoanSchedule',
    summary: 'A loan’s repayment schedule: every period, paid or upcoming',
    method: 'POST',
    path: '/v1/loans/schedule',
    kind: 'call',
    body: LoanScheduleQuery,
    response: LoanSchedule,
    errors: ['ACCOUNT_NOT_FOUND', 'LOAN_NOT_FOUND'],
  },
  {
    name: 'getWithdrawalEligibility',
    summary: 'Withdrawal reasons and whether the account holder is eligible for each',
    method: 'POST',
    path: '/v1/withdrawals/eligibility',
    kind: 'call',
    body: AccountQuery,
    response: WithdrawalEligibility,
    errors: ['ACCOUNT_NOT_FOUND'],
  },
  {
    name: 'applyWithdrawal',
    summary: 'Apply to withdraw for an eligible reason; idempotent by requestId; rent and loan repayment are approved at once, the rest wait for review',
    method: 'POST',
    path: '/v1/withdrawals',
    kind: 'call',
    body: WithdrawalRequest,
    response: WithdrawalApplication,
    errors: ['ACCOUNT_NOT_FOUND', 'NOT_ELIGIBLE', 'AMOUNT_TOO_HIGH', 'APPLICATION_PENDING', 'IDEMPOTENCY_CONFLICT'],
  },
] as const)

export type AccountT = Static<typeof Account>
export type DepositT = Static<typeof DepositList>['records'][number]
export type LoanT = Static<typeof LoanList>['loans'][number]
export type WithdrawalReasonT = Static<typeof WithdrawalEligibility>['reasons'][number]
export type LoanScheduleT = Static<typeof LoanSchedule>
export type WithdrawalApplicationT = Static<typeof WithdrawalApplication>
export type WithdrawalReasonCode = (typeof WITHDRAWAL_REASONS)[number]
