import { type Static, Type } from 'typebox'
import { Fen, IdNumber, IsoDate, MaskedTail, Month, defineOperations, literals, strict } from './common'

/** housing-fund@1 (公积金): account, deposit records, loans, withdrawal reasons and eligibility. */
export const CONTRACT = 'housing-fund@1'

export const HOUSING_FUND_ERRORS = {
  ACCOUNT_NOT_FOUND: 404,
  INVALID_RANGE: 422,
} as const
export type HousingFundErrorCode = keyof typeof HOUSING_FUND_ERRORS

export const ACCOUNT_STATUSES = ['normal', 'sealed', 'closed'] as const
export const WITHDRAWAL_REASONS = ['rent', 'purchase', 'loan-repayment', 'retirement', 'major-illness', 'leave-city'] as const

export const AccountQuery = Type.Object({ idNumber: IdNumber() }, { ...strict, $id: 'housing-fund.AccountQuery' })

export const Account = Type.Object(
  {
    accountNo: MaskedTail({ description: '个人公积金账号, masked to its last 4' }),
    status: literals(ACCOUNT_STATUSES, { description: 'normal 正常缴存, sealed 封存, closed 销户' }),
    balanceFen: Fen(),
    monthlyDepositFen: Fen({ description: 'personal + employer part per month' }),
    personalRateBp: Type.Integer({ minimum: 0, maximum: 1200, description: 'personal rate, basis points (5%–12%)' }),
    employerRateBp: Type.Integer({ minimum: 0, maximum: 1200 }),
    lastDepositMonth: Month(),
    openedMonth: Month(),
    employer: Type.String(),
  },
  { ...strict, $id: 'housing-fund.Account' },
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
  { name: 'listLoans', summary: 'Housing fund loans', method: 'POST', path: '/v1/loans/query', kind: 'call', body: AccountQuery, response: LoanList, errors: ['ACCOUNT_NOT_FOUND'] },
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
] as const)

export type AccountT = Static<typeof Account>
export type DepositT = Static<typeof DepositList>['records'][number]
export type LoanT = Static<typeof LoanList>['loans'][number]
export type WithdrawalReasonT = Static<typeof WithdrawalEligibility>['reasons'][number]
