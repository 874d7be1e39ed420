import { maskTail } from '../../src/domain/mask'
import { HOUSING_FUND_ERRORS, operations } from '../../server/contracts/housing-fund'
import { type AgencyApp, type AgencyOptions, type AgencyScope, createAgencyApp, fail, implement } from '../shared/agency-app'
import { operation } from '../../server/contracts/common'
import { dateCst, isoCst, monthCst } from '../shared/china-time'
import { checkMonthRange } from '../shared/month-range'
import { seeded } from '../shared/seeded'
import { cityOfTenant } from '../shared/tenant-city'
import { type Fund, fundOf, loanScheduleOf } from './data'
import { type Application, INSTANT_REASONS, REASON_NAMES, eligibilityOf, withApplications } from './withdrawals'

export type HousingFundAgencyOptions = AgencyOptions

/**
 * The simulated housing provident fund centre (公积金中心) implementing
 * housing-fund@1. Accounts, deposits and loans are derived from the ID number
 * and the tenant's city (data.ts); withdrawal applications live in memory and
 * change the balance and the records once approved.
 */
export function registerHousingFundAgency(scope: AgencyScope, options: HousingFundAgencyOptions): void {
  const now = options.now ?? Date.now
  const city = cityOfTenant(options.tenantId, 'housing-fund')
  const applications = new Map<string, Application[]>()
  const byRequest = new Map<string, Application>()

  const fundFor = (idNumber: string): Fund => {
    const fund = fundOf(idNumber, city, now())
    if (!fund) throw fail(HOUSING_FUND_ERRORS, 'ACCOUNT_NOT_FOUND', 'No housing fund account for this ID number / 未查询到公积金账户')
    return withApplications(fund, applications.get(idNumber) ?? [])
  }

  implement(scope, operation(operations, 'getAccount'), ({ body }) => {
    const { accountNoFull, ...account } = fundFor(body.idNumber).account
    return { accountNo: maskTail(accountNoFull), ...account }
  })

  implement(scope, operation(operations, 'getAccountNumber'), ({ body }) => ({ accountNo: fundFor(body.idNumber).account.accountNoFull }))

  implement(scope, operation(operations, 'listDeposits'), ({ body }) => {
    const fund = fundFor(body.idNumber)
    const months = new Set(checkMonthRange(body.from, body.to, monthCst(now())))
    return { records: fund.history.filter((r) => months.has(r.month)) }
  })

  implement(scope, operation(operations, 'listLoans'), ({ body }) => ({
    loans: fundFor(body.idNumber).loans.map((loan) => ({ ...loan, loanNo: maskTail(loan.loanNo) })),
  }))

  implement(scope, operation(operations, 'getLoanSchedule'), ({ body }) => {
    const loan = fundFor(body.idNumber).loans.find((l) => l.loanId === body.loanId)
    if (!loan) throw fail(HOUSING_FUND_ERRORS, 'LOAN_NOT_FOUND', 'No such loan for this account / 未查询到该笔贷款')
    return loanScheduleOf(loan, dateCst(now()))
  })

  implement(scope, operation(operations, 'getWithdrawalEligibility'), ({ body }) => ({
    reasons: eligibilityOf(fundFor(body.idNumber), applications.get(body.idNumber) ?? [], now()),
  }))

  // Synchronous from the check to the booking of the application, so two concurrent requests cannot both pass the check.
  implement(scope, operation(operations, 'applyWithdrawal'), ({ body }) => {
    const { requestId, idNumber, reason, amountFen } = body
    const earlier = byRequest.get(requestId)
    if (earlier) {
      if (earlier.idNumber !== idNumber || earlier.reason !== reason || earlier.amountFen !== amountFen) {
        throw fail(HOUSING_FUND_ERRORS, 'IDEMPOTENCY_CONFLICT', 'This requestId was used for another application / 该申请编号已用于另一笔提取申请')
      }
      const { requestId: _r, idNumber: _i, ...application } = earlier
      return application
    }
    const fund = fundFor(idNumber)
    if (amountFen > fund.account.balanceFen) {
      throw fail(HOUSING_FUND_ERRORS, 'AMOUNT_TOO_HIGH', `Amount above the balance / 提取金额不能超过账户余额 ${(fund.account.balanceFen / 100).toFixed(2)} 元`)
    }
    const own = applications.get(idNumber) ?? []
    const rule = eligibilityOf(fund, own, now()).find((r) => r.code === reason)!
    if (!rule.eligible) throw fail(HOUSING_FUND_ERRORS, own.some((a) => a.status === 'reviewing') ? 'APPLICATION_PENDING' : 'NOT_ELIGIBLE', `Not eligible / ${rule.why}`)
    if (amountFen > rule.maxAmountFen) {
      throw fail(HOUSING_FUND_ERRORS, 'AMOUNT_TOO_HIGH', `Amount above the maximum / 提取金额不能超过可提取额度 ${(rule.maxAmountFen / 100).toFixed(2)} 元`)
    }
    const instant = INSTANT_REASONS.has(reason)
    const cardTail = seeded('housing-fund-card', city.code, idNumber).digits(4)
    const application: Application = {
      applicationNo: `${seeded('withdrawal-no', requestId).int(1, 9)}${seeded('withdrawal-no-d', requestId).digits(15)}`,
      reason,
      reasonName: REASON_NAMES[reason],
      amountFen,
      status: instant ? 'approved' : 'reviewing',
      submittedAt: isoCst(now()),
      message: instant
        ? `提取已办结，资金将在 1 个工作日内转入您在公积金中心登记的银行卡（尾号 ${cardTail}）`
        : `申请已受理，请于 10 个工作日内携带${rule.materials.join('、')}到${city.fullName}住房公积金管理中心服务大厅审核`,
      requestId,
      idNumber,
    }
    applications.set(idNumber, [...own, application])
    byRequest.set(requestId, application)
    const { requestId: _r, idNumber: _i, ...answer } = application
    return answer
  })
}

/** The housing-fund agency as a standalone app, its operations at the root. */
export function buildHousingFundAgency(options: HousingFundAgencyOptions): AgencyApp {
  return createAgencyApp(registerHousingFundAgency, options)
}
