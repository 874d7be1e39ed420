import type { WithdrawalApplicationT, WithdrawalReasonCode, WithdrawalReasonT } from '../../src/api/housing-fund'
import { monthCst, monthsBetween } from '../shared/china-time'
import type { Fund } from './data'

/** Rent withdrawals: once a calendar year, at most 18,000 元 (1,500 元 a month, a common city rule). */
const RENT_CAP_FEN = 1_800_000

export const REASON_NAMES: Record<WithdrawalReasonCode, string> = {
  rent: '租房提取',
  purchase: '购买自住住房提取',
  'loan-repayment': '偿还公积金贷款提取',
  retirement: '离休、退休提取',
  'major-illness': '重大疾病提取',
  'leave-city': '离职后户口迁出提取',
}

/** Reasons the centre approves online at once; the others need materials checked at the counter. */
export const INSTANT_REASONS: ReadonlySet<WithdrawalReasonCode> = new Set(['rent', 'loan-repayment'])

export interface Application extends WithdrawalApplicationT {
  requestId: string
  idNumber: string
}

/** The fund after the applications approved so far: each is a withdrawal in the month it was made. */
export function withApplications(fund: Fund, applications: readonly Application[]): Fund {
  let balance = fund.account.balanceFen
  const history = [...fund.history]
  for (const a of applications) {
    if (a.status !== 'approved') continue
    balance -= a.amountFen
    history.push({ month: a.submittedAt.slice(0, 7), kind: 'withdrawal', amountFen: a.amountFen, balanceAfterFen: balance, note: `${a.reasonName}（线上）` })
  }
  return { ...fund, account: { ...fund.account, balanceFen: balance }, history }
}

/** Every reason, whether the holder may withdraw for it now, and why not. */
export function eligibilityOf(fund: Fund, applications: readonly Application[], nowMs: number): WithdrawalReasonT[] {
  const { account, loans, age, male } = fund
  const balance = account.balanceFen
  const activeLoan = loans.find((l) => l.status === 'repaying')
  const normal = account.status === 'normal'
  const thisMonth = monthCst(nowMs)
  const sealedMonths = account.status === 'sealed' ? monthsBetween(account.lastDepositMonth, thisMonth).length - 1 : 0
  const retireAge = male ? 60 : 55
  const pending = applications.find((a) => a.status === 'reviewing')
  const rentThisYear = applications.some((a) => a.reason === 'rent' && a.status === 'approved' && a.submittedAt.slice(0, 4) === thisMonth.slice(0, 4))

  const reason = (code: WithdrawalReasonCode, materials: string[], why: string | undefined, max: number): WithdrawalReasonT => {
    const problem = pending ? `有一笔${pending.reasonName}申请正在审核中，办结后再申请` : balance <= 0 ? '账户余额为 0' : why
    return problem
      ? { code, name: REASON_NAMES[code], eligible: false, why: problem, maxAmountFen: 0, materials }
      : { code, name: REASON_NAMES[code], eligible: true, maxAmountFen: Math.min(balance, max), materials }
  }
  const notNormal = normal ? undefined : '账户非正常缴存状态'
  return [
    reason('rent', ['身份证', '无房证明'], notNormal ?? (activeLoan ? '有在还公积金贷款，不能办理租房提取' : rentThisYear ? '本年度已办理过租房提取，每年限一次' : undefined), RENT_CAP_FEN),
    reason('purchase', ['身份证', '购房合同', '购房发票'], notNormal, balance),
    reason('loan-repayment', ['身份证', '借款合同'], activeLoan ? undefined : '没有在还的公积金贷款', activeLoan?.balanceFen ?? 0),
    reason('retirement', ['身份证', '退休证'], age >= retireAge ? undefined : `未达到法定退休年龄（${retireAge} 岁）`, balance),
    reason('major-illness', ['身份证', '诊断证明', '医疗费用票据'], undefined, balance),
    reason('leave-city', ['身份证', '户口迁移证明'], sealedMonths >= 6 ? undefined : '账户封存未满 6 个月', balance),
  ]
}
