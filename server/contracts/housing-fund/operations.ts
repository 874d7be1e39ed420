import { Type } from 'typebox'
import { defineOperations } from '../common'
import { strict, literals, Month, IdNumber } from '../../../src/api/common'
import { HOUSING_FUND_ERRORS } from './errors'
import { WITHDRAWAL_REASONS, Account, AccountNumber, DepositList, LoanList, LoanSchedule, WithdrawalEligibility, WithdrawalApplication } from '../../../src/api/housing-fund'

/** housing-fund@1 (公积金): account, deposit records, loans, withdrawal reasons and eligibility. */
export const CONTRACT = 'housing-fund@1'

export const AccountQuery = Type.Object({ idNumber: IdNumber() }, { ...strict, $id: 'housing-fund.AccountQuery' })

export const DepositQuery = Type.Object(
  { idNumber: IdNumber(), from: Month(), to: Month({ description: 'inclusive; at most 60 months after from' }) },
  { ...strict, $id: 'housing-fund.DepositQuery' },
)

export const LoanScheduleQuery = Type.Object(
  { idNumber: IdNumber(), loanId: Type.String({ pattern: '^[0-9a-f]{16}$' }) },
  { ...strict, $id: 'housing-fund.LoanScheduleQuery' },
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
