import { maskTail } from '../../src/domain/mask'
import { HOUSING_FUND_ERRORS, type WithdrawalReasonT, operations } from '../../server/contracts/housing-fund'
import { type AgencyApp, type AgencyOptions, type AgencyScope, createAgencyApp, fail, implement } from '../shared/agency-app'
import { operation } from '../../server/contracts/common'
import { monthCst, monthsBetween } from '../shared/china-time'
import { checkMonthRange } from '../shared/month-range'
import { type Fund, fundOf } from './data'

export type HousingFundAgencyOptions = AgencyOptions

/** Rent withdrawals are capped per year (德阳-style rule: 1,500 元 a month). */
const RENT_CAP_FEN = 1_800_000

/**
 * The simulated housing provident fund centre (公积金中心) implementing
 * housing-fund@1; read-only, every answer derived from the ID number (see data.ts).
 */
export function registerHousingFundAgency(scope: AgencyScope, options: HousingFundAgencyOptions): void {
  const now = options.now ?? Date.now

  const fundFor = (idNumber: string): Fund => {
    const fund = fundOf(idNumber, now())
    if (!fund) throw fail(HOUSING_FUND_ERRORS, 'ACCOUNT_NOT_FOUND', 'No housing fund account for this ID number / 未查询到公积金账户')
    return fund
  }

  implement(scope, operation(operations, 'getAccount'), ({ body }) => {
    const { accountNoFull, ...account } = fundFor(body.idNumber).account
    return { accountNo: maskTail(accountNoFull), ...account }
  })

  implement(scope, operation(operations, 'listDeposits'), ({ body }) => {
    const fund = fundFor(body.idNumber)
    const months = new Set(checkMonthRange(body.from, body.to, monthCst(now())))
    return { records: fund.history.filter((r) => months.has(r.month)) }
  })

  implement(scope, operation(operations, 'listLoans'), ({ body }) => ({
    loans: fundFor(body.idNumber).loans.map((loan) => ({ ...loan, loanNo: maskTail(loan.loanNo) })),
  }))

  implement(scope, operation(operations, 'getWithdrawalEligibility'), ({ body }) => {
    const { account, loans, age, male } = fundFor(body.idNumber)
    const balance = account.balanceFen
    const activeLoan = loans.find((l) => l.status === 'repaying')
    const normal = account.status === 'normal'
    const sealedMonths = account.status === 'sealed' ? monthsBetween(account.lastDepositMonth, monthCst(now())).length - 1 : 0
    const retireAge = male ? 60 : 55
    const reason = (code: WithdrawalReasonT['code'], name: string, materials: string[], ok: boolean, why: string, max: number): WithdrawalReasonT => ({
      code,
      name,
      eligible: ok && balance > 0,
      ...(ok && balance > 0 ? {} : { why: balance > 0 ? why : '账户余额为 0 / no balance' }),
      maxAmountFen: ok ? Math.min(balance, max) : 0,
      materials,
    })
    return {
      reasons: [
        reason('rent', '租房提取', ['身份证', '无房证明'], normal && !activeLoan, !normal ? '账户非正常缴存状态' : '有在还公积金贷款，不能办理租房提取', RENT_CAP_FEN),
        reason('purchase', '购买自住住房提取', ['身份证', '购房合同', '购房发票'], normal, '账户非正常缴存状态', balance),
        reason('loan-repayment', '偿还公积金贷款提取', ['身份证', '借款合同'], activeLoan !== undefined, '没有在还的公积金贷款', activeLoan?.balanceFen ?? 0),
        reason('retirement', '离休、退休提取', ['身份证', '退休证'], age >= retireAge, `未达到法定退休年龄（${retireAge} 岁）`, balance),
        reason('major-illness', '重大疾病提取', ['身份证', '诊断证明', '医疗费用票据'], true, '', balance),
        reason('leave-city', '离职后户口迁出提取', ['身份证', '户口迁移证明'], sealedMonths >= 6, '账户封存未满 6 个月', balance),
      ],
    }
  })
}

/** The housing-fund agency as a standalone app, its operations at the root. */
export function buildHousingFundAgency(options: HousingFundAgencyOptions): AgencyApp {
  return createAgencyApp(registerHousingFundAgency, options)
}
