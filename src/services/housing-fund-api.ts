import type {
  AccountViewT,
  DepositYearT,
  EligibilityViewT,
  LoanScheduleViewT,
  LoansViewT,
  WithdrawalAnswerT,
  WithdrawalBodyT,
} from '../api/housing-fund'
import { authedRequest } from './session'

// Every call needs 实名认证: without it the platform answers 403 IDENTITY_REQUIRED.
const base = (serviceId: string) => `/v1/services/${encodeURIComponent(serviceId)}/housing-fund`

export type FundAccount = AccountViewT
export type FundDepositRecord = DepositYearT['records'][number]
export type FundLoan = LoansViewT['loans'][number]
export type LoanScheduleRow = LoanScheduleViewT['rows'][number]
export type WithdrawalReason = EligibilityViewT['reasons'][number]
export type WithdrawalApplication = WithdrawalAnswerT['application']
export type WithdrawalRequest = WithdrawalBodyT

/** The account: balance, status, monthly deposit and its parts; the account number masked. */
export function getFundAccount(serviceId: string): Promise<FundAccount> {
  return authedRequest<FundAccount>(`${base(serviceId)}/account`)
}

/** The full account number, asked for only when the holder taps to see it. */
export async function getFundAccountNumber(serviceId: string): Promise<string> {
  const body = await authedRequest<{ accountNo: string }>(`${base(serviceId)}/account-number`)
  return body.accountNo
}

/** 缴存明细 of one calendar year (China time), oldest first. */
export function getDeposits(serviceId: string, year: number): Promise<DepositYearT> {
  return authedRequest<DepositYearT>(`${base(serviceId)}/deposits`, { query: { year } })
}

/** The citizen's fund loans, repaying and settled. */
export async function listFundLoans(serviceId: string): Promise<FundLoan[]> {
  const body = await authedRequest<LoansViewT>(`${base(serviceId)}/loans`)
  return body.loans
}

/** Every period of a loan, paid or upcoming, oldest first. */
export function getLoanSchedule(serviceId: string, loanId: string): Promise<LoanScheduleViewT> {
  return authedRequest<LoanScheduleViewT>(`${base(serviceId)}/loans/${encodeURIComponent(loanId)}/schedule`)
}

/** Every withdrawal reason with whether the citizen may use it now, the maximum and the materials. */
export async function getWithdrawalEligibility(serviceId: string): Promise<WithdrawalReason[]> {
  const body = await authedRequest<EligibilityViewT>(`${base(serviceId)}/withdrawals/eligibility`)
  return body.reasons
}

/**
 * Applies for a withdrawal. The same idempotencyKey always answers the same
 * application, so a retry after a timeout never applies twice.
 */
export async function applyForWithdrawal(serviceId: string, request: WithdrawalRequest): Promise<WithdrawalApplication> {
  const body = await authedRequest<WithdrawalAnswerT>(`${base(serviceId)}/withdrawals`, { method: 'POST', data: request })
  return body.application
}
